/** Built-in similarity metrics: {@code mmd} and {@code linear-cka}, on backbone features of source and target examples. */
package dev.graft.plugins.similarity;
