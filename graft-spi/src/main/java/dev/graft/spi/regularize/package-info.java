/**
 * Fine-tuning regularisers: penalties added to a transfer trial's training loss at every step,
 * computed from the network's parameters and their pretrained values, the batch's features, or
 * the source head's outputs (L2-SP, batch spectral shrinkage, learning without forgetting).
 * Scratch baselines never use them.
 */
package dev.graft.spi.regularize;
