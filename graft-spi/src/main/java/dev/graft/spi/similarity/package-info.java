/**
 * Similarity and transferability metrics, computed before any training to predict which
 * backbone or source will transfer. Each metric declares what it needs; the core computes
 * backbone features once and hands them to every metric that needs them.
 */
package dev.graft.spi.similarity;
