/**
 * Freeze schedules: which backbone layer groups train at each point of training, and at what
 * learning-rate multiplier. Frozen groups have frozen parameters and run BatchNorm in inference
 * mode (running statistics untouched), as Keras does.
 */
package dev.graft.spi.freeze;
