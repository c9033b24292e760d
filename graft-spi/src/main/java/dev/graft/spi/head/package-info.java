/**
 * Heads: the new task layers put on a backbone. A {@link dev.graft.spi.head.Head.Network} head
 * is a DJL block trained with the backbone; a {@link dev.graft.spi.head.Head.FeatureClassifier}
 * head is fitted on features extracted once from a frozen backbone (feature extraction in the
 * classic sense).
 */
package dev.graft.spi.head;
