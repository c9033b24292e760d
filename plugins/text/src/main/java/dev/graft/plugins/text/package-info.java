/**
 * Text classification, written against graft-spi alone: token sequences as examples ({@link
 * dev.graft.plugins.text.LabeledTokens}, {@link dev.graft.plugins.text.TokenBatch}, {@link
 * dev.graft.plugins.text.TokenFormat}, {@link dev.graft.plugins.text.TokenInputSpec}), the
 * WordNet glosses corpus tokenised by a word-piece tokenizer.json through DJL's Hugging Face
 * tokenizers, a convolutional and a Transformer encoder in layer groups, and EDA's random deletion
 * and swap.
 */
package dev.graft.plugins.text;
