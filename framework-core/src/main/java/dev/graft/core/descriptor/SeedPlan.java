package dev.graft.core.descriptor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.graft.core.stats.ConfidenceSequence;
import dev.graft.spi.InvalidConfigException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Which seeds the strategies run with: a fixed list ({@code seeds: [1, 2, 3]}), every strategy
 * with every seed and Student-t intervals; or a sequential design ({@code seeds: {start: 5, max:
 * 20, step: 2}}), where every strategy starts with {@code start} seeds (at least 5, the first number
 * at which the confidence sequence can decide) and gets {@code step} more
 * per round while its verdict is open, up to {@code max}, with anytime-valid intervals that stay
 * valid although the number of seeds depends on the results.
 */
@JsonDeserialize(using = SeedPlan.Reader.class)
public sealed interface SeedPlan permits SeedPlan.Fixed, SeedPlan.Sequential {

    /** @return every seed the plan may run, in the order strategies get them */
    List<Long> seeds();

    /**
     * A fixed design: every strategy runs every seed.
     *
     * @param seeds the seeds
     */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Fixed(List<Long> seeds) implements SeedPlan {
        public Fixed {
            if (seeds == null || seeds.isEmpty()) {
                throw new InvalidConfigException("seeds", "must list at least one seed");
            }
            if (new HashSet<>(seeds).size() != seeds.size()) {
                throw new InvalidConfigException("seeds", "lists a seed twice: " + seeds);
            }
            seeds = List.copyOf(seeds);
        }
    }

    /**
     * A sequential design: seeds {@code first, first + 1, ...}; every strategy runs the first
     * {@code start}, then {@code step} more per round while its verdict is open, up to {@code max}.
     *
     * @param start seeds every strategy runs before its first verdict
     * @param max the most seeds a strategy runs
     * @param step seeds added per round to each strategy still open
     * @param first the first seed's value
     */
    // the records bind as records: the interface's reader must not apply to them again
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Sequential(Integer start, Integer max, Integer step, Long first) implements SeedPlan {
        /** The first number of seeds at which the run's confidence sequence can decide: the default and the smallest start. */
        public static final int FIRST_LOOK = ConfidenceSequence.standard().firstLook();

        public Sequential {
            start = start == null ? FIRST_LOOK : start;
            max = max == null ? 20 : max;
            step = step == null ? 2 : step;
            first = first == null ? 1L : first;
            if (start < FIRST_LOOK) {
                throw new InvalidConfigException("start", "must be at least " + FIRST_LOOK + ": the confidence sequence that decides "
                        + "(" + ConfidenceSequence.standard().citation() + ") cannot exclude anything before " + FIRST_LOOK
                        + " seeds, so an earlier first look could decide nothing; got " + start);
            }
            if (max < start) {
                throw new InvalidConfigException("max", "must be at least start (" + start + "), got " + max);
            }
            if (max > 1000) {
                throw new InvalidConfigException("max", "must be at most 1000, got " + max);
            }
            if (step < 1) {
                throw new InvalidConfigException("step", "must be at least 1, got " + step);
            }
        }

        @Override
        public List<Long> seeds() {
            List<Long> seeds = new ArrayList<>();
            for (int i = 0; i < max; i++) {
                seeds.add(first + i);
            }
            return seeds;
        }

        /** @return the numbers of seeds at which open verdicts are looked at: start, start + step, ..., max */
        public List<Integer> looks() {
            List<Integer> looks = new ArrayList<>();
            for (int n = start; n < max; n += step) {
                looks.add(n);
            }
            looks.add(max);
            return looks;
        }
    }

    /** Binds a list to {@link Fixed} and a mapping to {@link Sequential}. */
    final class Reader extends StdDeserializer<SeedPlan> {
        Reader() {
            super(SeedPlan.class);
        }

        @Override
        public SeedPlan deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            if (node.isObject()) {
                return parser.getCodec().treeToValue(node, Sequential.class);
            }
            List<Long> seeds = new ArrayList<>();
            for (JsonNode seed : node.isArray() ? node : List.of(node)) {
                seeds.add(seed.asLong());
            }
            return new Fixed(seeds);
        }
    }
}
