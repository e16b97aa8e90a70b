package dev.schemaguard.yaml;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for misspelt keys and words: the closest candidate by edit distance, if close enough. */
final class Suggestions {

    private Suggestions() {
    }

    /** The closest candidate, or null when none is within a third of the word's length (at least 2 edits). */
    static String closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, lower.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /** "; did you mean 'x'?" or the empty string. */
    static String didYouMean(String word, Collection<String> candidates) {
        String closest = closest(word, candidates);
        return closest == null ? "" : "; did you mean '" + closest + "'?";
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
