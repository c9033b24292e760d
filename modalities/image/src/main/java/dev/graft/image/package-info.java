/**
 * The image modality: {@link dev.graft.image.LabeledImages} (what image datasets load), {@link
 * dev.graft.image.ImageBatch} (what image augmenters transform), {@link
 * dev.graft.image.ImageFormat} and {@link dev.graft.image.ImageInputSpec} (how an image
 * backbone's input is normalised and resized). Written against graft-spi alone, like a plugin:
 * the core does not know images, and a module of another modality defines its own types the
 * same way.
 */
package dev.graft.image;
