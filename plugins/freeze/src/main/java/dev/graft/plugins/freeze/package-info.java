/** Built-in freeze schedules: {@code frozen}, {@code full}, {@code top-k}, {@code two-phase}, {@code gradual},
 * {@code discriminative}, {@code backbone-finetuning}, {@code fine-tune}. */
package dev.graft.plugins.freeze;
