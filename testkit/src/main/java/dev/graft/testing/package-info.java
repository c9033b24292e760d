/**
 * Test fixtures for plugin, core and experiment tests (graft-testkit, a test dependency): small
 * plugins of every family and a synthetic dataset that trains in well under a second.
 */
package dev.graft.testing;
