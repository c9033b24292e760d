/**
 * Augmenters: seeded transformations of training batches. Validation and test data are never
 * augmented.
 */
package dev.graft.spi.augment;
