/** Built-in freeze schedules: {@code frozen}, {@code full}, {@code top-k}. */
package dev.graft.plugins.freeze;
