/** Built-in backbone architectures: {@code convnet}. */
package dev.graft.plugins.backbones;
