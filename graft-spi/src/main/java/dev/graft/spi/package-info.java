/**
 * Graft's service provider interface: what a plugin implements and may depend on.
 *
 * <p>This package and its sub-packages hold interfaces, value types and exceptions only. A
 * plugin jar depends on these and on nothing else of Graft's (a test enforces it). Each plugin
 * jar has exactly one entry point, a {@link dev.graft.spi.GraftModule} listed in {@code
 * META-INF/services/dev.graft.spi.GraftModule}, which binds named factories, one per
 * implementation. The name a factory is bound under is the {@code type:} value that selects it in
 * an experiment descriptor.
 *
 * <p>Families: {@link dev.graft.spi.data datasets}, {@link dev.graft.spi.backbone backbones},
 * {@link dev.graft.spi.head heads}, {@link dev.graft.spi.freeze freeze schedules}, {@link
 * dev.graft.spi.augment augmenters}, {@link dev.graft.spi.regularize regularisers} and {@link dev.graft.spi.similarity similarity metrics}.
 */
package dev.graft.spi;
