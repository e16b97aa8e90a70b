package dev.schemaguard.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an object that exists on the actual side of a comparison but is not declared on the expected side means,
 * by kind ({@link ObjectKind}): {@code DRIFT} (reported, and dropped by a plan that may drop), {@code WARN} (a
 * warning, never planned) or {@code IGNORE} (nothing: never reported nor planned, so never dropped). Kinds not in
 * {@code byKind} take {@code fallback}.
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
    public static final UnexpectedObjects DRIFT = new UnexpectedObjects(Policy.DRIFT, Map.of());

    public UnexpectedObjects {
        Objects.requireNonNull(fallback, "fallback");
        byKind = byKind.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byKind));
    }

    public Policy of(ObjectKind kind) {
        return byKind.getOrDefault(kind, fallback);
    }

    /**
     * These settings with {@code other}'s on top: other's per-kind policies win, and other's fallback replaces this
     * one's unless it is the default ({@code DRIFT}).
     */
    public UnexpectedObjects overriddenBy(UnexpectedObjects other) {
        Map<ObjectKind, Policy> merged = new EnumMap<>(ObjectKind.class);
        merged.putAll(byKind);
        merged.putAll(other.byKind);
        return new UnexpectedObjects(other.fallback != Policy.DRIFT ? other.fallback : fallback, merged);
    }
}
