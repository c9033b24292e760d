package dev.graft.plugins.augment;

import dev.graft.image.ImageAugmenterFactory;
import dev.graft.image.ImageAugmenter;
import dev.graft.spi.NamedPlugin;

/**
 * Keras' random rotation, shear and zoom ({@code ImageDataGenerator}'s {@code rotation_range},
 * {@code shear_range} in degrees, {@code zoom_range}), each image with its own draw, warped about
 * its centre with bilinear sampling ({@link AffineWarp}). Each is its own plugin with one
 * {@code range}; the maps are Keras' transform matrices (output to input coordinates).
 */
final class GeometryAugmenters {
    private GeometryAugmenters() {}

    /** {@code rotation}: theta uniform in [-range, range] degrees, Keras' matrix; with y pointing down a positive angle turns content clockwise on screen. */
    static final class Rotation extends Plugin<RotationConfig> {
        Rotation() {
            super("rotation", RotationConfig.class, "random rotation by up to range degrees either way (Keras rotation_range), bilinear, fill nearest, constant, reflect or wrap");
        }

        @Override
        double[] matrix(RotationConfig config, java.util.random.RandomGenerator random) {
            double theta = Math.toRadians((random.nextDouble() * 2 - 1) * config.range());
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            // Keras: [[cos, -sin], [sin, cos]] in (row, col); in (x, y) = (col, row) that is
            return new double[] {cos, sin, -sin, cos};
        }
    }

    /** {@code shear}: angle uniform in [-range, range] degrees; Keras' [[1, -sin s], [0, cos s]] in (row, col). */
    static final class Shear extends Plugin<ShearConfig> {
        Shear() {
            super("shear", ShearConfig.class, "random shear by up to range degrees either way (Keras shear_range), bilinear, fill nearest, constant, reflect or wrap");
        }

        @Override
        double[] matrix(ShearConfig config, java.util.random.RandomGenerator random) {
            double s = Math.toRadians((random.nextDouble() * 2 - 1) * config.range());
            // (row, col) map [[1, -sin s], [0, cos s]] written for (x = col, y = row)
            return new double[] {Math.cos(s), 0, -Math.sin(s), 1};
        }
    }

    /** {@code zoom}: zx, zy uniform in [1 - range, 1 + range]; a factor above 1 samples farther out, so content shrinks. */
    static final class Zoom extends Plugin<ZoomConfig> {
        Zoom() {
            super("zoom", ZoomConfig.class, "random zoom by factors in [1 - range, 1 + range] per axis (Keras zoom_range; above 1 zooms out), bilinear");
        }

        @Override
        double[] matrix(ZoomConfig config, java.util.random.RandomGenerator random) {
            double zy = 1 + (random.nextDouble() * 2 - 1) * config.range();
            double zx = 1 + (random.nextDouble() * 2 - 1) * config.range();
            return new double[] {zx, 0, 0, zy};
        }
    }

    /** The shared plugin shape: a name, a description and a random matrix per image. */
    abstract static class Plugin<C extends Geometry> extends NamedPlugin<C> implements ImageAugmenterFactory<C> {
        Plugin(String name, Class<C> configClass, String description) {
            super(name, configClass, description);
        }

        abstract double[] matrix(C config, java.util.random.RandomGenerator random);

        @Override
        public ImageAugmenter create(C config) {
            return (batch, random) -> {
                double[][] matrices = new double[batch.size()][];
                for (int n = 0; n < batch.size(); n++) {
                    matrices[n] = matrix(config, random);
                }
                return AffineWarp.warp(batch, n -> matrices[n], config.fill(), config.value());
            };
        }
    }

}
