/**
 * What a trial's record says about how it was made, as typed, immutable values composed the way
 * Tribuo composes its provenance (a trial's provenance holds its data's, its plugins', its
 * environment's and its pretrained backbone's), written as the canonical JSON stored in {@code
 * trials.provenance_json} and read back by {@link dev.graft.core.provenance.TrialProvenance#read}.
 */
package dev.graft.core.provenance;
