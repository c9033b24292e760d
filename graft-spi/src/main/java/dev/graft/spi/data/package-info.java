/**
 * Datasets: a {@link dev.graft.spi.data.DatasetProvider} loads labelled images from wherever they
 * live (IDX files, image folders, HDF5, ...) as one {@link dev.graft.spi.data.LabeledImages}
 * per split. Class subsetting, per-class sampling and validation splits are the core's job and
 * work the same for every provider.
 */
package dev.graft.spi.data;
