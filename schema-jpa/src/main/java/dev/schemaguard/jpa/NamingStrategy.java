package dev.schemaguard.jpa;

import java.util.Locale;

/**
 * How logical names (from annotations or Java names) become the names the database keeps. Hibernate writes
 * identifiers unquoted, so PostgreSQL folds them to lower case; a name written quoted in an annotation
 * ({@code "\"Order\""} or {@code "`Order`"}) is kept exactly and never transformed.
 */
public enum NamingStrategy {

    /** Hibernate's default physical naming: names as written (then folded to lower case by PostgreSQL). */
    AS_WRITTEN,

    /**
     * Like Spring Boot's {@code CamelCaseToUnderscoresNamingStrategy}: an underscore between a lower-case letter
     * and an upper-case letter followed by a lower-case one, dots become underscores, all lower case.
     */
    SNAKE_CASE,

    /**
     * Spring Boot's defaults together: {@link #SNAKE_CASE} physical names and its {@code SpringImplicitNamingStrategy},
     * which names a join table after the owner's table and the attribute ({@code customer_favorite_tags}) where
     * JPA names it after both tables ({@code customer_tag}).
     */
    SPRING_BOOT;

    /** Whether implicit join table names are {@code <owner table>_<attribute>} (Spring Boot) rather than JPA's. */
    boolean namesJoinTablesAfterAttribute() {
        return this == SPRING_BOOT;
    }

    /** The name as PostgreSQL stores it. */
    public String physical(String logical) {
        return isQuoted(logical) ? unfolded(logical) : unfolded(logical).toLowerCase(Locale.ROOT);
    }

    /** The name as Hibernate writes it into the DDL, before PostgreSQL folds unquoted names to lower case. */
    String unfolded(String logical) {
        if (isQuoted(logical)) {
            return logical.substring(1, logical.length() - 1);
        }
        return this == AS_WRITTEN ? logical : snakeCase(logical).toLowerCase(Locale.ROOT);
    }

    static boolean isQuoted(String name) {
        return name.length() > 2 && ((name.startsWith("\"") && name.endsWith("\""))
                || (name.startsWith("`") && name.endsWith("`")));
    }

    private static String snakeCase(String name) {
        StringBuilder result = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < result.length() - 1; i++) {
            if (Character.isLowerCase(result.charAt(i - 1)) && Character.isUpperCase(result.charAt(i))
                    && Character.isLowerCase(result.charAt(i + 1))) {
                result.insert(i++, '_');
            }
        }
        return result.toString();
    }
}
