package dev.graft.plugins.text;

import dev.graft.spi.GraftException;
import dev.graft.spi.data.ExampleFormat;
import dev.graft.spi.evaluate.EvaluationContext;
import dev.graft.spi.evaluate.EvaluationSet;
import dev.graft.spi.evaluate.EvaluationSetFactory;
import dev.graft.text.LabeledTokens;
import dev.graft.text.TokenFormat;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The text test split with token-level noise: each word piece replaced, with the given
 * probability, by one drawn uniformly from the vocabulary (padding id excluded), each sequence
 * from its own stream of the set's seed; lengths and padding stay.
 */
public final class TokenNoiseFactory implements EvaluationSetFactory<TokenNoiseConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "token-noise";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TokenNoiseConfig> configClass() {
        return TokenNoiseConfig.class;
    }

    @Override
    public String description() {
        return "the text test split with each word piece replaced by a random one with the given probability, seeded (text)";
    }

    /** A configuration the contract test builds. */
    @Override
    public Map<String, Object> example() {
        return Map.of("probability", 0.2);
    }

    @Override
    public Class<? extends ExampleFormat> reads() {
        return TokenFormat.class;
    }

    @Override
    public EvaluationSet create(TokenNoiseConfig config, EvaluationContext context) {
        if (!(context.test() instanceof LabeledTokens text)) {
            throw new GraftException("token-noise: replaces word pieces, but the target's examples are " + context.test().format().describe());
        }
        int length = text.format().length();
        int vocabulary = text.format().vocabulary();
        int[] tokens = text.tokens().clone();
        SplittableRandom root = new SplittableRandom(context.seed());
        for (int i = 0; i < text.size(); i++) {
            SplittableRandom own = root.split();
            for (int t = i * length; t < (i + 1) * length; t++) {
                if (tokens[t] != TokenFormat.PAD && own.nextDouble() < config.probability()) {
                    tokens[t] = 1 + own.nextInt(vocabulary - 1);
                }
            }
        }
        String what = "token noise " + config.probability();
        return new EvaluationSet.Target(new LabeledTokens(tokens, text.labels().clone(), text.format(), text.classNames(),
                dev.graft.spi.Sha256.of(text.checksum() + "/" + what + "/" + context.seed()), text.origin() + " (" + what + ")"));
    }
}
