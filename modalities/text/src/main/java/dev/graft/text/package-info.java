/**
 * The text modality: what one example is ({@link dev.graft.text.TokenFormat}: token ids of a
 * fixed length over a vocabulary, padded), labelled examples ({@link dev.graft.text.LabeledTokens}),
 * a batch ({@link dev.graft.text.TokenBatch}) and the backbone's input arrays
 * ({@link dev.graft.text.TokenInputSpec}). Written against graft-spi alone; the text plugins
 * (dataset, encoders, token augmenters) depend on it, the core does not.
 */
package dev.graft.text;
