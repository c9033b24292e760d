package dev.graft.text;

import dev.graft.spi.data.ExampleFormat;

/**
 * Token sequences: every example is {@code length} token ids, padded with {@link #PAD} (id 0) at
 * the end, from a vocabulary of {@code vocabulary} ids.
 *
 * @param length tokens per example
 * @param vocabulary the vocabulary's size; ids are in {@code [0, vocabulary)}
 */
public record TokenFormat(int length, int vocabulary) implements ExampleFormat, java.io.Serializable {
    /** The padding id. */
    public static final int PAD = 0;

    public TokenFormat {
        if (length <= 0 || vocabulary <= 1) {
            throw new IllegalArgumentException("token sequences need a positive length and a vocabulary of at least 2: " + length + ", " + vocabulary);
        }
    }

    @Override
    public String describe() {
        return "token sequences of " + length + " (vocabulary " + vocabulary + ")";
    }
}
