/**
 * The experiment descriptor: its model (immutable records with defaults filled in), the YAML
 * reader that binds it while collecting every error with file, line, column and field, and the
 * checks that need the installed plugins and datasets.
 */
package dev.graft.core.descriptor;
