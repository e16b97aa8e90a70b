package dev.schemaguard.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * What an object that exists on the actual side of a comparison but is not declared on the expected side means,
 * by kind ({@link ObjectKind}): {@code DRIFT} (reported, and dropped by a plan that may drop), {@code WARN} (a
 * warning, never planned) or {@code IGNORE} (nothing: never reported nor planned, so never dropped). Kinds not in
 * {@code byKind} take {@code fallback}; a null fallback was not given, and means {@code DRIFT}.
 */
public record UnexpectedObjects(Policy fallback, Map<ObjectKind, Policy> byKind) {

    public enum Policy {
        DRIFT, WARN, IGNORE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Policy> byKey(String key) {
            return java.util.Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
        }
    }

    /** Today's default: every unexpected object is drift. */
    public static final UnexpectedObjects DRIFT = new UnexpectedObjects(null, Map.of());

    public UnexpectedObjects {
        byKind = byKind.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byKind));
    }

    public Policy of(ObjectKind kind) {
        return byKind.getOrDefault(kind, fallback == null ? Policy.DRIFT : fallback);
    }

    /** Whether every kind's policy is DRIFT: then the policy changes nothing. */
    public boolean allDrift() {
        return java.util.Arrays.stream(ObjectKind.values()).allMatch(kind -> of(kind) == Policy.DRIFT);
    }

    /**
     * These settings with {@code other}'s on top: other's per-kind policies win, and other's fallback, when given,
     * replaces this one's.
     */
    public UnexpectedObjects overriddenBy(UnexpectedObjects other) {
        Map<ObjectKind, Policy> merged = new EnumMap<>(ObjectKind.class);
        merged.putAll(byKind);
        merged.putAll(other.byKind);
        return new UnexpectedObjects(other.fallback != null ? other.fallback : fallback, merged);
    }
}
