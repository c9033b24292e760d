package dev.graft.plugins.text;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.data.DatasetConfig;
import java.util.List;
import java.util.Map;

/**
 * Configuration of {@code wordnet-glosses}.
 *
 * @param classes class ids to keep, absent for all
 * @param source where the corpus is: {@code auto}, {@code bundled}, or a directory
 * @param tokenizer the tokenizer.json, absent for the corpus directory's own
 * @param maxLength word pieces kept per definition
 * @param relabel new class name to the original class ids it gathers, or null
 */
public record GlossesConfig(
        @JsonPropertyDescription("class ids to keep, in order: the categories of train.tsv in sorted order; bundled: "
                + "0 noun.act, 1 noun.animal, 2 noun.artifact, 3 noun.attribute, 4 noun.body, "
                + "5 noun.cognition, 6 noun.communication, 7 noun.event, 8 noun.feeling, 9 noun.food, "
                + "10 noun.group, 11 noun.location, 12 noun.object, 13 noun.person, 14 noun.phenomenon, "
                + "15 noun.plant, 16 noun.possession, 17 noun.process, 18 noun.quantity, 19 noun.relation, "
                + "20 noun.state, 21 noun.substance, 22 noun.time, 23 verb.body, 24 verb.change, "
                + "25 verb.cognition, 26 verb.communication, 27 verb.competition, 28 verb.contact, "
                + "29 verb.creation, 30 verb.motion, 31 verb.perception, 32 verb.possession, 33 verb.social, "
                + "34 verb.stative"
                + "; absent = all")
        List<Integer> classes,
        @JsonPropertyDescription("auto (--data-dir and its wordnet-glosses/, then the bundled corpus), bundled, or a directory holding "
                + "train.tsv and test.tsv") String source,
        @JsonPropertyDescription("a Hugging Face tokenizer.json (word pieces; [PAD] = 0); absent = the corpus directory's tokenizer.json")
        String tokenizer,
        @JsonPropertyDescription("word pieces kept per definition (longer ones are cut, shorter ones padded); default 32") Integer maxLength,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("new class name -> original class ids it gathers (merges classes; others are left out); instead of classes")
        Map<String, List<Integer>> relabel)
        implements DatasetConfig {

    public GlossesConfig {
        classes = classes == null ? null : List.copyOf(classes);
        relabel = DatasetConfig.checkRelabel(classes, relabel);
        source = source == null ? "auto" : source;
        if (source.isBlank()) {
            throw new InvalidConfigException("source", "must be auto, bundled or a directory");
        }
        if (tokenizer != null && tokenizer.isBlank()) {
            throw new InvalidConfigException("tokenizer", "must be a tokenizer.json path, or absent for the corpus's own");
        }
        maxLength = maxLength == null ? 32 : maxLength;
        if (maxLength < 1 || maxLength > 512) {
            throw new InvalidConfigException("maxLength", "must be between 1 and 512, got " + maxLength);
        }
    }
}
