package dev.graft.text;

import static java.util.Objects.requireNonNull;

import dev.graft.spi.data.Examples;
import java.util.Arrays;
import java.util.List;

/**
 * Token sequences with integer labels on the heap: the {@link Examples} of the text modality.
 * Treat the arrays as read-only: instances are shared between trials.
 *
 * @param tokens {@code size * length} token ids, row-major, each row padded with 0 at its end
 * @param labels one class id per sequence
 * @param format the sequences' length and vocabulary
 * @param classNames class names, indexed by label
 * @param checksum a content hash of the source files and the tokenizer (provenance)
 * @param origin where the data came from
 */
public record LabeledTokens(int[] tokens, int[] labels, TokenFormat format, List<String> classNames, String checksum, String origin)
        implements Examples, java.io.Serializable {

    public LabeledTokens {
        requireNonNull(tokens, "tokens is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(format, "format is null");
        classNames = List.copyOf(classNames);
        requireNonNull(checksum, "checksum is null");
        requireNonNull(origin, "origin is null");
        if ((long) labels.length * format.length() != tokens.length) {
            throw new IllegalArgumentException(tokens.length + " tokens for " + labels.length + " sequences of " + format.length());
        }
        Examples.checkLabels(labels, classNames.size());
    }

    @Override
    public LabeledTokens select(int[] indices, String newOrigin) {
        TokenBatch rows = gather(indices);
        return new LabeledTokens(rows.tokens(), rows.labels(), format, classNames, checksum, newOrigin);
    }

    @Override
    public LabeledTokens withLabels(int[] newLabels, List<String> newClassNames, String newChecksum, String newOrigin) {
        return new LabeledTokens(tokens, newLabels, format, newClassNames, newChecksum, newOrigin);
    }

    @Override
    public TokenBatch gather(int[] indices) {
        int length = format.length();
        int[] out = new int[indices.length * length];
        int[] outLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(tokens, indices[i] * length, out, i * length, length);
            outLabels[i] = labels[indices[i]];
        }
        return new TokenBatch(out, outLabels, length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledTokens other
                && Arrays.equals(tokens, other.tokens)
                && Arrays.equals(labels, other.labels)
                && format.equals(other.format)
                && classNames.equals(other.classNames);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + Arrays.hashCode(tokens);
    }

    @Override
    public String toString() {
        return "LabeledTokens[" + size() + " x " + format.describe() + ", " + numClasses() + " classes, " + origin + "]";
    }
}
