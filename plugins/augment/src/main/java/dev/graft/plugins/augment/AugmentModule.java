package dev.graft.plugins.augment;

import dev.graft.spi.GraftModule;

/** Registers the built-in augmenters. */
public final class AugmentModule extends GraftModule {
    @Override
    protected void configure() {
        augmenter(NoneFactory.NAME).to(NoneFactory.class);
        augmenter(FlipFactory.NAME).to(FlipFactory.class);
        augmenter(ShiftFactory.NAME).to(ShiftFactory.class);
        for (GeometryAugmenters.Plugin<?> plugin : java.util.List.of(new GeometryAugmenters.Rotation(), new GeometryAugmenters.Shear(),
                new GeometryAugmenters.Zoom())) {
            augmenter(plugin.name()).toInstance(plugin);
        }
        augmenter(BrightnessFactory.NAME).to(BrightnessFactory.class);
        augmenter(ChainFactory.NAME).to(ChainFactory.class);
        augmenter("mixup").toInstance(new LabelMixers.Mixup());
        augmenter("cutmix").toInstance(new LabelMixers.CutMix());
        augmenter("gaussian-noise").toInstance(new PixelAugmenters.Noise());
        augmenter("cutout").toInstance(new PixelAugmenters.Cutout());
        augmenter("random-resized-crop").toInstance(new PixelAugmenters.ResizedCrop());
        augmenter("color-jitter").toInstance(new PixelAugmenters.ColorJitter());
    }
}
