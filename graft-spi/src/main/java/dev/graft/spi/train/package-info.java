/**
 * Training hooks: what a plugin of a contributed family (an optimiser, a learning-rate schedule,
 * an observer that stops training) changes in, or hears from, Graft's training loop.
 */
package dev.graft.spi.train;
