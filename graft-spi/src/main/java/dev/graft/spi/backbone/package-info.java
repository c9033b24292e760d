/**
 * Backbones: networks that map images to features, built fresh (random initialisation) by a
 * {@link dev.graft.spi.backbone.BackboneFactory}. Pretrained weights are loaded into the built
 * network by the core (from its own pretraining cache) or by importer factories (Keras HDF5,
 * TorchScript, checkpoints).
 */
package dev.graft.spi.backbone;
