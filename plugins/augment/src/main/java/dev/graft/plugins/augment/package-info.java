/** Built-in augmenters: {@code none}, {@code flip}, {@code shift}. */
package dev.graft.plugins.augment;
