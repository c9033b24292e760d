/**
 * The training loop on DJL: the network of layer groups plus head, per-group freezing with
 * BatchNorm in inference mode, per-group learning rates, whole-array batches in per-batch
 * native scopes, validation every epoch, early stopping and best-epoch weights.
 */
package dev.graft.core.train;
