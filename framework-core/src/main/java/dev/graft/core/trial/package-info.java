/**
 * One trial and what it is built from: the {@link dev.graft.core.trial.RunDefinition} every
 * process of a run derives the same way (plugins, descriptor, trials, the target's data checked
 * against them), plugin access by config, the backbone, the pretrained-backbone cache, the
 * trial runner with its three training plans and the feature cache, the trial directory that
 * owns a trial's files, and the process settings that change numbers (PyTorch's threads per
 * operation). Nothing here knows where a trial trains or who records it.
 */
package dev.graft.core.trial;
