package dev.graft.plugins.text;

import dev.graft.text.LabeledTokens;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.Split;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The bundled WordNet glosses, loaded once per length for the module's tests. */
final class TextSamples {
    private static final Map<Integer, LabeledTokens> LOADED = new ConcurrentHashMap<>();

    private TextSamples() {}

    /** @return the bundled training split tokenised to {@code length} word pieces */
    static LabeledTokens glosses(int length) {
        return LOADED.computeIfAbsent(length, n -> new GlossesProvider().load(new GlossesConfig(null, "bundled", null, n, null), Split.TRAIN,
                new DataContext(List.of(), Optional.of(TextContractTest.BUNDLED), TextContractTest.BUNDLED)));
    }

    /** @return the indices of the first {@code perClass} examples of each of the first {@code classes} classes, classes interleaved */
    static int[] firstOfClasses(LabeledTokens data, int classes, int perClass) {
        int[] out = new int[classes * perClass];
        int[] seen = new int[classes];
        for (int i = 0; i < data.size(); i++) {
            int label = data.labels()[i];
            if (label < classes && seen[label] < perClass) {
                out[seen[label]++ * classes + label] = i;
            }
        }
        return out;
    }
}
