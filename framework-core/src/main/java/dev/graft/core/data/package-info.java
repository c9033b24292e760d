/**
 * Dataset handling shared by every provider: class subsetting and relabelling, exact stratified
 * per-class sampling, validation splits, test caps.
 */
package dev.graft.core.data;
