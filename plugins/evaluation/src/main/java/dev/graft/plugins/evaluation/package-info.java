/**
 * The built-in evaluation sets: the target's test split under an image corruption at a named
 * severity (in the style of MNIST-C, Mu and Gilmer 2019), another dataset's test split with the
 * target's classes, and the source task (retention).
 */
package dev.graft.plugins.evaluation;
