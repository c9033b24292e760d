package dev.graft.spi.data;

/**
 * What one example of a dataset is, for a modality: images of a shape, token sequences of a
 * length and vocabulary, feature vectors of a width. A modality module defines its own format
 * (a record, so that formats compare by value); the core only compares formats (a backbone
 * pretrained on a source reads the target only if their formats are equal) and names them in
 * messages. A backbone asks for the format it reads with {@link
 * dev.graft.spi.backbone.BackboneContext#format(Class)}.
 */
public interface ExampleFormat {

    /** @return the format for a message, e.g. {@code 1x28x28 images} */
    String describe();

    /**
     * @param format a format class
     * @return the kind of examples it stands for, as a word for messages: {@code image} for
     *     {@code ImageFormat}, {@code token} for {@code TokenFormat}
     */
    static String kind(Class<? extends ExampleFormat> format) {
        return format.getSimpleName().replaceAll("Format$", "").toLowerCase(java.util.Locale.ROOT);
    }
}
