/** Backbones from TorchScript files, loaded with DJL's PyTorch engine. */
package dev.graft.plugins.torchscript;
