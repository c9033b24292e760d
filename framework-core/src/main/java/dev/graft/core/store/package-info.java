/**
 * The result store: one SQLite database per run directory, written only by the orchestrator,
 * one transaction per finished trial, read by reports and {@code graft status}.
 */
package dev.graft.core.store;
