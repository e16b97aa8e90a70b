package dev.schemaguard.jpa;

import dev.schemaguard.model.Database;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Consumer;

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

    private static final System.Logger LOG = System.getLogger(JpaSchemaReader.class.getName());

    private final NamingStrategy naming;
    private final String defaultSchema;
    private final Consumer<String> warnings;

    /** Hibernate's defaults: names as written, tables in {@code public}. */
    public JpaSchemaReader() {
        this(NamingStrategy.AS_WRITTEN, "public");
    }

    /** {@code defaultSchema} holds every table, join table and sequence whose annotations name no schema. */
    public JpaSchemaReader(NamingStrategy naming, String defaultSchema) {
        this(naming, defaultSchema, warning -> LOG.log(System.Logger.Level.WARNING, warning));
    }

    private JpaSchemaReader(NamingStrategy naming, String defaultSchema, Consumer<String> warnings) {
        this.naming = Objects.requireNonNull(naming, "naming");
        this.defaultSchema = Objects.requireNonNull(defaultSchema, "defaultSchema");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /**
     * Where the warnings go (by default {@link System.Logger}, level WARNING): one for each attribute the reader
     * cannot map, naming it. Such an attribute is skipped, and the rest is read; a YAML overlay supplies its columns.
     */
    public JpaSchemaReader onWarning(Consumer<String> warnings) {
        return new JpaSchemaReader(naming, defaultSchema, warnings);
    }

    public Database read(Class<?>... classes) {
        return read(Arrays.asList(classes));
    }

    /**
     * The expected database of these classes. Classes without {@code @Entity} are skipped, except converters with
     * {@code @Converter(autoApply = true)}, which then apply as in Hibernate; entity superclasses of a given entity
     * are read too, whether listed or not.
     */
    public Database read(Collection<? extends Class<?>> classes) {
        return new EntityMapping(naming, defaultSchema, classes, warnings).database();
    }
}
