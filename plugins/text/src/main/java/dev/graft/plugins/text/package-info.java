/**
 * Text classification plugins, written against graft-spi and the text modality
 * ({@code dev.graft.text}: token examples, batches, input arrays): the WordNet glosses corpus
 * tokenised by a word-piece tokenizer.json through DJL's Hugging Face tokenizers, a convolutional
 * and a Transformer encoder in layer groups, and EDA's random deletion and swap.
 */
package dev.graft.plugins.text;
