package dev.graft.plugins.peft;

import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.edit.EditableLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which layers a method edits: glob patterns over layer paths ({@code *} within one part of the
 * path, {@code **} across parts), among the layers of the kinds the method can edit.
 */
final class LayerPatterns {
    private LayerPatterns() {}

    /**
     * @param patterns globs, each checked to match at least one eligible layer
     * @param layers the backbone's layers
     * @param kinds the kinds the method edits
     * @param field the config field holding the patterns, for messages
     * @return the eligible layers some pattern matches, in backbone order
     * @throws InvalidConfigException if the backbone has no eligible layer or a pattern matches none
     */
    static List<EditableLayer> select(List<String> patterns, List<EditableLayer> layers, Set<EditableLayer.Kind> kinds, String field) {
        List<EditableLayer> eligible = layers.stream().filter(l -> kinds.contains(l.kind())).toList();
        String what = kinds.size() == EditableLayer.Kind.values().length ? ""
                : String.join(" or ", kinds.stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toList()) + " ";
        if (eligible.isEmpty()) {
            throw new InvalidConfigException(field, "the backbone has no " + what + "layer to edit");
        }
        List<EditableLayer> chosen = new ArrayList<>();
        for (String glob : patterns) {
            Pattern pattern = compile(glob);
            List<EditableLayer> matched = eligible.stream().filter(l -> pattern.matcher(l.path()).matches()).toList();
            if (matched.isEmpty()) {
                throw new InvalidConfigException(field, "'" + glob + "' matches no " + what + "layer; they are "
                        + eligible.stream().map(EditableLayer::path).toList());
            }
            matched.stream().filter(l -> !chosen.contains(l)).forEach(chosen::add);
        }
        chosen.sort(java.util.Comparator.comparingInt(eligible::indexOf));
        return chosen;
    }

    /** @return the patterns, checked to be non-empty globs */
    static List<String> checked(List<String> patterns, List<String> defaults, String field) {
        List<String> list = patterns == null ? defaults : List.copyOf(patterns);
        if (list.isEmpty()) {
            throw new InvalidConfigException(field, "must list at least one layer pattern");
        }
        for (String glob : list) {
            if (glob == null || glob.isBlank()) {
                throw new InvalidConfigException(field, "a layer pattern is empty");
            }
        }
        return list;
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
