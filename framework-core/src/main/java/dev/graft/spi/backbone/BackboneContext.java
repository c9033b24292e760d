package dev.graft.spi.backbone;

/**
 * What a backbone factory may assume about its input.
 *
 * @param channels channels of the images the data provides
 * @param height image height the data provides
 * @param width image width the data provides
 */
public record BackboneContext(int channels, int height, int width) {
    public BackboneContext {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("input shape must be positive: " + channels + "x" + height + "x" + width);
        }
    }
}
