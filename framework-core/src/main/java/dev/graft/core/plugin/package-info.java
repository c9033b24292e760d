/**
 * Plugin discovery and lookup: Guice modules found with {@link java.util.ServiceLoader}, named
 * factories per family, Jackson named subtypes for their configs, and the errors for duplicate
 * and unknown names.
 */
package dev.graft.core.plugin;
