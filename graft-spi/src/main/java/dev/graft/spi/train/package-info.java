/**
 * Training hooks: what a plugin of a contributed family (an optimiser, a learning-rate schedule)
 * changes in Graft's training loop.
 */
package dev.graft.spi.train;
