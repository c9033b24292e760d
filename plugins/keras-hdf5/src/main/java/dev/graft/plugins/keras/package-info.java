/** Backbones with weights from Keras HDF5 files (read with jhdf): VGG16 and VGG19 of the Keras applications. */
package dev.graft.plugins.keras;
