package dev.schemaguard.model;

/**
 * Sequence options; {@code null} means PostgreSQL's default, which depends on the sequence's type and
 * direction. {@link #normalizedFor(DataType)} turns explicit defaults into nulls so that a hand-written
 * {@code identity()} and an introspected one compare equal.
 */
public record SequenceOptions(Long start, Long increment, Long minValue, Long maxValue, Long cache, boolean cycle) {

    public static final SequenceOptions DEFAULTS = new SequenceOptions(null, null, null, null, null, false);

    public long effectiveIncrement() {
        return increment == null ? 1 : increment;
    }

    /** These options with every value that equals PostgreSQL's default for {@code type} replaced by null. */
    public SequenceOptions normalizedFor(DataType type) {
        long typeMax = maxOf(type);
        long typeMin = -typeMax - 1;
        boolean ascending = effectiveIncrement() > 0;
        long defaultMin = ascending ? 1 : typeMin;
        long defaultMax = ascending ? typeMax : -1;
        long effectiveMin = minValue == null ? defaultMin : minValue;
        long effectiveMax = maxValue == null ? defaultMax : maxValue;
        long defaultStart = ascending ? effectiveMin : effectiveMax;
        return new SequenceOptions(
                start == null || start == defaultStart ? null : start,
                increment == null || increment == 1 ? null : increment,
                minValue == null || minValue == defaultMin ? null : minValue,
                maxValue == null || maxValue == defaultMax ? null : maxValue,
                cache == null || cache == 1 ? null : cache,
                cycle);
    }

    /** The lowest value, given or PostgreSQL's default for {@code type} and this direction. */
    public long effectiveMinValue(DataType type) {
        return minValue != null ? minValue : effectiveIncrement() > 0 ? 1 : -maxOf(type) - 1;
    }

    /** The highest value, given or PostgreSQL's default for {@code type} and this direction. */
    public long effectiveMaxValue(DataType type) {
        return maxValue != null ? maxValue : effectiveIncrement() > 0 ? maxOf(type) : -1;
    }

    public boolean isDefault() {
        return equals(DEFAULTS);
    }

    private static long maxOf(DataType type) {
        return switch (type.storageType().name()) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }
}
