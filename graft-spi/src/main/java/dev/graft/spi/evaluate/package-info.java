/**
 * Evaluation sets: what a trial is scored on besides its test split (shifted copies of it, other
 * datasets with the same classes, the source task), the {@code evaluation} family.
 */
package dev.graft.spi.evaluate;
