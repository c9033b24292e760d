/**
 * Benchmarks that print figures measured on the machine they run on ({@code benchmarks/run}).
 * Each comparison is measured side by side in one run and reported as a ratio; nothing here is
 * a test.
 */
package dev.graft.benchmarks;
