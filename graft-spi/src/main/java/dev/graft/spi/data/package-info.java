/**
 * Datasets: a {@link dev.graft.spi.data.DatasetProvider} loads labelled examples of some modality
 * from wherever they live (IDX files, image folders, text files, ...) as one {@link
 * dev.graft.spi.data.Examples} per split. Class subsetting, per-class sampling and validation
 * splits are the core's job and work the same for every provider and modality: the core sees
 * labels, indices, batches and {@link dev.graft.spi.data.ExampleFormat}s, never pixels or
 * tokens.
 */
package dev.graft.spi.data;
