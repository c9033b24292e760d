/**
 * Test fixtures shared with the plugin and experiment modules (through the test-jar): small
 * plugins of every family and a synthetic dataset that trains in well under a second.
 */
package dev.graft.testing;
