/** Built-in heads: {@code linear}, {@code mlp} (DJL blocks) and {@code logistic} (a Tribuo feature head). */
package dev.graft.plugins.heads;
