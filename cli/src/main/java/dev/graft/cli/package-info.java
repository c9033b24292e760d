/** The {@code graft} command line: run, validate, plugins, report, status. */
package dev.graft.cli;
