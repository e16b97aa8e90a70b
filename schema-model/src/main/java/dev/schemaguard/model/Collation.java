package dev.schemaguard.model;

import java.util.Locale;
import java.util.Objects;

/**
 * {@code CREATE COLLATION name (provider = ..., locale = ..., deterministic = ...)}. {@code locale} is the ICU or
 * builtin locale, or for libc the locale that both LC_COLLATE and LC_CTYPE are; a libc collation whose two differ
 * has no {@code locale} and gives {@code lcCollate} and {@code lcCtype} instead. Only ICU collations can be
 * nondeterministic (compare strings equal that differ in bytes).
 */
public record Collation(String name, Provider provider, String locale, String lcCollate, String lcCtype,
                        boolean deterministic, String comment) implements SchemaObject {

    /** Who implements the collation: the C library, ICU, or (PostgreSQL 17 and later) PostgreSQL itself. */
    public enum Provider {
        LIBC, ICU, BUILTIN;

        /** The spelling of {@code provider = ...} in CREATE COLLATION: libc, icu, builtin. */
        public String sql() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Collation {
        Identifiers.requireValid(name, "collation name");
        Objects.requireNonNull(provider, () -> "provider of collation " + name);
        if (locale == null && lcCollate != null && lcCollate.equals(lcCtype)) {
            locale = lcCollate;
        }
        if (locale != null && lcCollate != null && !lcCollate.equals(locale)
                || locale != null && lcCtype != null && !lcCtype.equals(locale)) {
            throw new IllegalArgumentException("collation " + name + " gives locale " + locale + " and also lc_collate "
                    + lcCollate + " / lc_ctype " + lcCtype + "; give either locale or both lc_collate and lc_ctype");
        }
        if (locale != null) {
            lcCollate = null;
            lcCtype = null;
        }
        if (provider != Provider.LIBC && (lcCollate != null || lcCtype != null)) {
            throw new IllegalArgumentException("collation " + name + " uses provider " + provider.sql()
                    + ", which takes a locale, not lc_collate and lc_ctype");
        }
        if (locale == null && (lcCollate == null || lcCtype == null)) {
            throw new IllegalArgumentException("collation " + name + " needs a locale"
                    + (provider == Provider.LIBC ? " (or both lc_collate and lc_ctype)" : ""));
        }
        if (!deterministic && provider != Provider.ICU) {
            throw new IllegalArgumentException("collation " + name + " is nondeterministic, which PostgreSQL supports"
                    + " only with provider icu");
        }
    }

    /** An ICU collation, e.g. {@code icu("numeric", "en-u-kn-true")}. */
    public static Collation icu(String name, String locale) {
        return new Collation(name, Provider.ICU, locale, null, null, true, null);
    }

    /** A libc collation whose LC_COLLATE and LC_CTYPE are both {@code locale}, e.g. {@code libc("posix", "POSIX")}. */
    public static Collation libc(String name, String locale) {
        return new Collation(name, Provider.LIBC, locale, null, null, true, null);
    }

    /** A collation of PostgreSQL's own builtin provider (PostgreSQL 17 and later), e.g. {@code builtin("c_utf8", "C.UTF-8")}. */
    public static Collation builtin(String name, String locale) {
        return new Collation(name, Provider.BUILTIN, locale, null, null, true, null);
    }

    /** The same collation, nondeterministic (ICU only). */
    public Collation nondeterministic() {
        return new Collation(name, provider, locale, lcCollate, lcCtype, false, comment);
    }

    public Collation withComment(String newComment) {
        return new Collation(name, provider, locale, lcCollate, lcCtype, deterministic, newComment);
    }

    /**
     * Whether both collations sort and compare alike, comments aside. ICU locales match ignoring case and
     * {@code _} versus {@code -}: PostgreSQL 16 and later store {@code en_US} as the language tag {@code en-US}.
     */
    public boolean sameDefinitionAs(Collation other) {
        return provider == other.provider && deterministic == other.deterministic
                && Objects.equals(lcCollate, other.lcCollate) && Objects.equals(lcCtype, other.lcCtype)
                && (provider == Provider.ICU ? icuTag(locale).equals(icuTag(other.locale)) : Objects.equals(locale, other.locale));
    }

    private static String icuTag(String locale) {
        return locale == null ? "" : locale.replace('_', '-').toLowerCase(Locale.ROOT);
    }

    @Override
    public String kind() {
        return "collation";
    }
}
