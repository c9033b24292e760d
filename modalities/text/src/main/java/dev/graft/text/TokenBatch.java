package dev.graft.text;

import static java.util.Objects.requireNonNull;

import dev.graft.spi.data.Batch;

/**
 * A batch of token sequences on the heap.
 *
 * @param tokens {@code size * length} token ids, row-major, each row padded with 0 at its end
 * @param labels one class id per sequence
 * @param length tokens per sequence
 */
public record TokenBatch(int[] tokens, int[] labels, int length) implements Batch {
    public TokenBatch {
        requireNonNull(tokens, "tokens is null");
        requireNonNull(labels, "labels is null");
        if ((long) labels.length * length != tokens.length) {
            throw new IllegalArgumentException(tokens.length + " tokens for " + labels.length + " sequences of " + length);
        }
    }

    /**
     * @param row a sequence
     * @return its tokens before the padding
     */
    public int used(int row) {
        int n = 0;
        while (n < length && tokens[row * length + n] != TokenFormat.PAD) {
            n++;
        }
        return n;
    }
}
