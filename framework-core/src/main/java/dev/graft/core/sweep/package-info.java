/**
 * Sweep expansion: from an experiment's axes to the list of trials, each transfer trial paired
 * with its scratch baseline, each trial identified by the hash of its resolved spec and seed.
 */
package dev.graft.core.sweep;
