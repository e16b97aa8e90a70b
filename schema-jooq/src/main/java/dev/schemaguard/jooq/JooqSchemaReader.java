package dev.schemaguard.jooq;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.TableField;
import org.jooq.TableOptions;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.QOM;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads jOOQ's view of a schema into the model: the {@code Schema} and {@code Table} objects of generated code,
 * or what {@code DSLContext.meta()} finds in a live database. Types are spelled as jOOQ spells them for
 * PostgreSQL ({@code getCastTypeName} with the POSTGRES dialect) and then parsed, so {@code int} and
 * {@code integer} are one type.
 *
 * <pre>{@code
 * Database expected = new JooqSchemaReader().read(List.of(Shop.SHOP));          // generated code
 * Database expected = new JooqSchemaReader().read(dsl.meta().getSchemas());    // a live database
 * }</pre>
 *
 * What jOOQ does not carry is not invented: check constraints and referential actions (jOOQ 3.19 has neither
 * for meta()), whether an identity is ALWAYS or BY DEFAULT (read as BY DEFAULT), a serial column (meta() reports
 * it as an identity), an index key's non-default NULLS FIRST/LAST (meta() drops it), and the default precision of
 * {@code time}/{@code timestamp} (a precision of 6 is read as none, which is what PostgreSQL stores by default).
 * Defaults are rendered by jOOQ and compare equal only where jOOQ keeps PostgreSQL's spelling (plain literals).
 */
public final class JooqSchemaReader {

    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");
    private static final String DEFAULT_SCHEMA = "public";

    private final Configuration postgres = new DefaultConfiguration().set(SQLDialect.POSTGRES);
    private final DSLContext dsl = DSL.using(postgres);

    /** The tables of these schemas; system schemas (pg_catalog, information_schema) are skipped. */
    public Database read(Collection<? extends org.jooq.Schema> schemas) {
        List<org.jooq.Table<?>> tables = new ArrayList<>();
        for (org.jooq.Schema schema : schemas) {
            if (!SYSTEM_SCHEMAS.contains(schema.getName())) {
                tables.addAll(schema.getTables());
            }
        }
        return readTables(tables);
    }

    /** These tables, grouped by their schema ({@code public} for tables without one). Views are skipped. */
    public Database readTables(Collection<? extends org.jooq.Table<?>> tables) {
        Map<String, List<Table>> bySchema = new LinkedHashMap<>();
        for (org.jooq.Table<?> table : tables) {
            TableOptions.TableType kind = table.getTableType();
            if (kind != TableOptions.TableType.TABLE && kind != TableOptions.TableType.UNKNOWN) {
                continue;
            }
            bySchema.computeIfAbsent(schemaOf(table), s -> new ArrayList<>()).add(table(table));
        }
        List<Schema> schemas = new ArrayList<>();
        bySchema.forEach((name, schemaTables) -> schemas.add(Schema.ofTables(name, schemaTables, null)));
        return Database.of(schemas);
    }

    private static String schemaOf(org.jooq.Table<?> table) {
        org.jooq.Schema schema = table.getSchema();
        return schema == null || schema.getName().isEmpty() ? DEFAULT_SCHEMA : schema.getName();
    }

    private Table table(org.jooq.Table<?> table) {
        String where = schemaOf(table) + "." + table.getName();
        List<Column> columns = new ArrayList<>();
        for (Field<?> field : table.fields()) {
            columns.add(column(field, where));
        }
        Set<String> keyNames = new HashSet<>();
        UniqueKey<?> primary = table.getPrimaryKey();
        PrimaryKey primaryKey = null;
        if (primary != null) {
            primaryKey = new PrimaryKey(primary.getName(), names(primary.getFields()), null);
            keyNames.add(primary.getName());
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (UniqueKey<?> key : table.getUniqueKeys()) {
            if (!key.isPrimary()) {
                uniques.add(new UniqueConstraint(key.getName(), names(key.getFields()), false, false, false, null));
                keyNames.add(key.getName());
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (org.jooq.ForeignKey<?, ?> reference : table.getReferences()) {
            org.jooq.Table<?> target = reference.getKey().getTable();
            foreignKeys.add(new ForeignKey(reference.getName(), names(reference.getFields()),
                    QualifiedName.of(schemaOf(target), target.getName()), names(reference.getKeyFields()),
                    null, null, null, false, false, false, null));
        }
        List<Index> indexes = new ArrayList<>();
        for (org.jooq.Index index : table.getIndexes()) {
            if (!keyNames.contains(index.getName())) {
                indexes.add(index(index));
            }
        }
        return new Table(table.getName(), columns, primaryKey, uniques, foreignKeys, List.of(), indexes,
                RowSecurity.OFF, List.of(), emptyToNull(table.getComment()), List.of(), List.of(), null, null, false, List.of(), List.of(), null, java.util.Map.of(), List.of(), null, null);
    }

    private Column column(Field<?> field, String where) {
        org.jooq.DataType<?> type = field.getDataType();
        Identity identity = type.identity() ? Identity.byDefault() : null;
        String defaultExpression = identity == null && type.defaulted() && type.defaultValue() != null
                ? dsl.renderInlined(type.defaultValue()) : null;
        return new Column(field.getName(), typeOf(type, where + "." + field.getName()), type.nullable(),
                defaultExpression, identity, null, null, emptyToNull(field.getComment()), null, null, null);
    }

    /** The PostgreSQL type jOOQ's data type stands for, in the model's canonical spelling. */
    DataType typeOf(org.jooq.DataType<?> type, String where) {
        if (type.isArray()) {
            return typeOf(type.getArrayComponentDataType(), where).asArray();
        }
        if (EnumType.class.isAssignableFrom(type.getType())) {
            EnumType[] constants = (EnumType[]) type.getType().getEnumConstants();
            if (constants != null && constants.length > 0) {
                org.jooq.Schema schema = constants[0].getSchema();
                return DataType.userDefined(schema == null ? null : schema.getName(), constants[0].getName());
            }
        }
        String spelling = type.getCastTypeName(postgres);
        if (spelling == null || spelling.isBlank()) {
            throw new IllegalArgumentException("column " + where + " has a jOOQ data type without a PostgreSQL name: " + type);
        }
        DataType parsed = DataType.parse(spelling);
        if (parsed.modifiers().equals(List.of(String.valueOf(Integer.MAX_VALUE)))) {
            // jOOQ's meta() reports an unbounded varchar as the largest possible length.
            return new DataType(parsed.schema(), parsed.name(), List.of(), parsed.arrayDimensions());
        }
        if (parsed.name().startsWith("time") && parsed.modifiers().equals(List.of("6"))) {
            return new DataType(parsed.schema(), parsed.name(), List.of(), parsed.arrayDimensions());
        }
        return parsed;
    }

    private static Index index(org.jooq.Index index) {
        List<IndexKey> keys = new ArrayList<>();
        for (SortField<?> field : index.getFields()) {
            boolean descending = field.getOrder() == SortOrder.DESC;
            QOM.NullOrdering nulls = field.$nullOrdering();
            boolean nullsFirst = nulls == null ? descending : nulls == QOM.NullOrdering.NULLS_FIRST;
            keys.add(new IndexKey(field.getName(), null, descending, nullsFirst, null));
        }
        String predicate = index.getWhere() == null ? null : DSL.using(SQLDialect.POSTGRES).renderInlined(index.getWhere());
        return new Index(index.getName(), index.getUnique(), "btree", keys, List.of(), predicate, false, List.of(), null, null, true);
    }

    private static List<String> names(List<? extends TableField<?, ?>> fields) {
        return fields.stream().map(Field::getName).toList();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
