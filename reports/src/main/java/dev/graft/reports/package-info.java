/**
 * Reports: read a run's result store and write the transfer-gain report as HTML (with a chart),
 * Markdown, CSV and JSON. Reports never train.
 */
package dev.graft.reports;
