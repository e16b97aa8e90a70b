package dev.schemaguard.jpa;

import dev.schemaguard.model.Database;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Reads the schema that a set of Jakarta Persistence entity classes expects, by reflection over their
 * annotations (no JPA provider runs), mapped the way Hibernate 6 maps them to PostgreSQL: the same types,
 * nullability, identity columns, sequences, join tables, collection tables and inheritance tables.
 *
 * <pre>{@code
 * Database expected = new JpaSchemaReader().read(Customer.class, Order.class);
 * Database expected = new JpaSchemaReader(NamingStrategy.SNAKE_CASE, "public")
 *         .read(EntityScanner.scan(getClass().getClassLoader(), "com.example.domain"));
 * }</pre>
 *
 * Constraints and indexes that the entities do not name get the names PostgreSQL would choose
 * ({@code orders_customer_id_fkey}); Hibernate names them with hashes instead ({@code FK6l0x...}), so compare
 * through {@code ConstraintNameAlignment} (schema-diff), which matches unnamed constraints by definition.
 * Annotations are read from fields (field access, the common case); see docs/entities.md for what is covered.
 */
public final class JpaSchemaReader {

    private final NamingStrategy naming;
    private final String defaultSchema;

    /** Hibernate's defaults: names as written, tables in {@code public}. */
    public JpaSchemaReader() {
        this(NamingStrategy.AS_WRITTEN, "public");
    }

    /** {@code defaultSchema} holds every table, join table and sequence whose annotations name no schema. */
    public JpaSchemaReader(NamingStrategy naming, String defaultSchema) {
        this.naming = Objects.requireNonNull(naming, "naming");
        this.defaultSchema = Objects.requireNonNull(defaultSchema, "defaultSchema");
    }

    public Database read(Class<?>... classes) {
        return read(Arrays.asList(classes));
    }

    /**
     * The expected database of these classes. Classes without {@code @Entity} are skipped; entity superclasses of
     * a given entity are read too, whether listed or not.
     */
    public Database read(Collection<? extends Class<?>> classes) {
        return new EntityMapping(naming, defaultSchema, classes).database();
    }
}
