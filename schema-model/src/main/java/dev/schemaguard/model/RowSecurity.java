package dev.schemaguard.model;

/** {@code ALTER TABLE … ENABLE ROW LEVEL SECURITY} and {@code … FORCE ROW LEVEL SECURITY}. */
public record RowSecurity(boolean enabled, boolean forced) {

    public static final RowSecurity OFF = new RowSecurity(false, false);
}
