package dev.graft.image;

import dev.graft.spi.data.ExampleFormat;

/**
 * Images of one shape.
 *
 * @param channels image channels
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record ImageFormat(int channels, int height, int width) implements ExampleFormat, java.io.Serializable {
    public ImageFormat {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape must be positive: " + channels + "x" + height + "x" + width);
        }
    }

    @Override
    public String describe() {
        return channels + "x" + height + "x" + width + " images";
    }
}
