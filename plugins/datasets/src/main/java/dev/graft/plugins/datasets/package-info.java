/** Dataset providers: {@code fashion-mnist} (IDX files, gzip or plain). */
package dev.graft.plugins.datasets;
