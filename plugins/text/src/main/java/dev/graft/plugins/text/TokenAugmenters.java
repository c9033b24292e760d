package dev.graft.plugins.text;

import dev.graft.text.TokenFormat;
import dev.graft.text.TokenBatch;
import dev.graft.spi.GraftException;
import dev.graft.spi.NamedPlugin;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.augment.Augmenter;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.data.Batch;
import java.util.random.RandomGenerator;

/**
 * The two cheapest operations of EDA (Wei and Zou 2019, "EDA: Easy Data Augmentation Techniques
 * for Boosting Performance on Text Classification Tasks"), on word pieces: random deletion and
 * random swap. Sequences keep their length: deleted tokens close up and the end is padded.
 */
final class TokenAugmenters {
    private TokenAugmenters() {}

    /** An augmenter of token sequences, refusing other batches with a message. */
    @FunctionalInterface
    interface OnTokens extends Augmenter {
        /** Rewrites one sequence's {@code used} tokens in place; the rest is padding. */
        void apply(int[] sequence, int used, RandomGenerator random);

        @Override
        default Batch apply(Batch batch, RandomGenerator random) {
            if (!(batch instanceof TokenBatch tokens)) {
                throw new GraftException("a token augmenter cannot augment " + batch.getClass().getSimpleName()
                        + "; use an augmenter of the data's modality, or none");
            }
            int length = tokens.length();
            int[] out = tokens.tokens().clone();
            int[] row = new int[length];
            for (int n = 0; n < tokens.size(); n++) {
                System.arraycopy(out, n * length, row, 0, length);
                apply(row, tokens.used(n), random);
                System.arraycopy(row, 0, out, n * length, length);
            }
            return new TokenBatch(out, tokens.labels(), length);
        }
    }

    /** A factory of token augmenters: declares that it reads {@link TokenFormat}, so validation refuses it for other data. */
    abstract static class Plugin<C extends AugmentConfig> extends NamedPlugin<C> implements AugmenterFactory<C> {
        Plugin(String name, Class<C> configClass, String description) {
            super(name, configClass, description);
        }

        @Override
        public final Class<TokenFormat> reads() {
            return TokenFormat.class;
        }
    }

    /** {@code token-dropout}: each token deleted with a probability; a sequence keeps at least one. */
    static final class Dropout extends Plugin<TokenDropoutConfig> {
        Dropout() {
            super("token-dropout", TokenDropoutConfig.class,
                    "EDA's random deletion on word pieces: each token deleted with probability p, at least one kept (text)");
        }

        @Override
        public Augmenter create(TokenDropoutConfig config) {
            double p = config.probability();
            return (OnTokens) (sequence, used, random) -> {
                int kept = 0;
                int first = -1;
                for (int i = 0; i < used; i++) {
                    int token = sequence[i];
                    if (random.nextDouble() >= p) {
                        sequence[kept++] = token;
                    } else if (first < 0) {
                        first = token;
                    }
                }
                if (kept == 0 && used > 0) {
                    // EDA keeps one word when all would go: here the first deleted one
                    sequence[kept++] = first;
                }
                java.util.Arrays.fill(sequence, kept, sequence.length, TokenFormat.PAD);
            };
        }
    }

    /** {@code token-swap}: {@code max(1, floor(fraction x tokens))} swaps of two positions chosen at random. */
    static final class Swap extends Plugin<TokenSwapConfig> {
        Swap() {
            super("token-swap", TokenSwapConfig.class,
                    "EDA's random swap on word pieces: max(1, floor(fraction x tokens)) swaps of two random positions (text)");
        }

        @Override
        public Augmenter create(TokenSwapConfig config) {
            double fraction = config.fraction();
            return (OnTokens) (sequence, used, random) -> {
                if (used < 2) {
                    return;
                }
                int swaps = Math.max(1, (int) Math.floor(fraction * used));
                for (int s = 0; s < swaps; s++) {
                    int a = random.nextInt(used);
                    int b = random.nextInt(used);
                    int swap = sequence[a];
                    sequence[a] = sequence[b];
                    sequence[b] = swap;
                }
            };
        }
    }
}
