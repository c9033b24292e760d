package dev.graft.core.plugin;

import java.util.Collection;
import java.util.Optional;

/** Suggests the known name closest to a misspelt one (Levenshtein distance). */
public final class ClosestName {
    private ClosestName() {}

    /**
     * @param wrong the name the user wrote
     * @param known the names that exist
     * @return the closest known name, if it is close enough to be a plausible typo
     */
    public static Optional<String> of(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(wrong.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance > Math.max(2, Math.max(wrong.length(), best.length()) / 2)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /**
     * @param wrong the name the user wrote
     * @param known the names that exist
     * @return " Did you mean 'x'?" or the empty string
     */
    public static String suggestion(String wrong, Collection<String> known) {
        return of(wrong, known).map(s -> " Did you mean '" + s + "'?").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
