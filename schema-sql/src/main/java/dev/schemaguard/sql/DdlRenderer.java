package dev.schemaguard.sql;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.ReplicaIdentity;
import dev.schemaguard.model.StorageParameters;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The SQL text of each statement the planner emits. Every identifier is quoted with {@link Identifiers#quote}. */
final class DdlRenderer {

    /** Role specifications that are keywords, not role names, in a policy's TO list. */
    private static final Set<String> ROLE_KEYWORDS = Set.of("public", "current_user", "session_user", "current_role");

    private DdlRenderer() {
    }

    static String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema);
    }

    static String dropSchema(String schema) {
        return "DROP SCHEMA " + Identifiers.quote(schema);
    }

    /**
     * CREATE TABLE with columns, primary key, unique, check and exclusion constraints, and the partition key of a
     * partitioned table; foreign keys are added later. A partition ({@code PARTITION OF parent bound}) inherits
     * its columns: only what it changes about them (default, NOT NULL) and its own constraints are listed. A table
     * that inherits ({@code INHERITS (parents)}) lists the columns it declares itself; it gets its parents' too.
     */
    static String createTable(QualifiedName name, Table table) {
        if (table.isForeign()) {
            return DdlForeignData.createForeignTable(name, table);
        }
        List<String> elements = new ArrayList<>();
        for (Column column : table.columns()) {
            elements.add(table.partitionOf() == null ? columnDefinition(column) : partitionColumnOptions(column));
        }
        List<Constraint> separate = constraintsAddedAfterCreate(table);
        for (Constraint constraint : table.constraints()) {
            if (!(constraint instanceof ForeignKey) && !separate.contains(constraint)) {
                elements.add(constraintDefinition(constraint));
            }
        }
        String partitionBy = table.partitioning() == null ? "" : " PARTITION BY " + table.partitioning().sql();
        String create = (table.unlogged() ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ") + name.sql();
        if (table.partitionOf() != null) {
            String list = elements.isEmpty() ? "" : " (\n    " + String.join(",\n    ", elements) + "\n)";
            return create + " PARTITION OF " + table.partitionOf().parent().sql() + list
                    + " " + table.partitionOf().bound() + partitionBy + withParameters(table.storageParameters());
        }
        String inherits = table.inherits().isEmpty() ? ""
                : " INHERITS (" + table.inherits().stream().map(QualifiedName::sql).collect(Collectors.joining(", ")) + ")";
        String with = withParameters(table.storageParameters());
        if (elements.isEmpty()) {
            return create + " ()" + inherits + partitionBy + with;
        }
        return create + " (\n    " + String.join(",\n    ", elements) + "\n)" + inherits + partitionBy + with;
    }

    /**
     * Unique constraints over the same columns as the primary key or an earlier unique constraint, and NOT VALID
     * checks. Written inside CREATE TABLE, PostgreSQL silently merges such duplicate keys into one and validates
     * the checks; added afterwards, each is kept as it is.
     */
    static List<Constraint> constraintsAddedAfterCreate(Table table) {
        List<List<String>> keys = new ArrayList<>();
        if (table.primaryKey() != null) {
            keys.add(table.primaryKey().columns());
        }
        List<Constraint> separate = new ArrayList<>();
        // inside CREATE TABLE, NOT VALID is ignored: the constraint would come out validated
        table.checkConstraints().stream().filter(CheckConstraint::notValid).forEach(separate::add);
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            if (keys.contains(unique.columns())) {
                separate.add(unique);
            } else {
                keys.add(unique.columns());
            }
        }
        return separate;
    }

    /** {@code name WITH OPTIONS [DEFAULT ...] [NOT NULL]}: a partition's column takes its type from the parent. */
    static String partitionColumnOptions(Column column) {
        StringBuilder sql = new StringBuilder(Identifiers.quote(column.name())).append(" WITH OPTIONS");
        if (column.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    static String attachPartition(QualifiedName table, PartitionBound bound) {
        return alterTable(bound.parent(), "ATTACH PARTITION " + table.sql() + " " + bound.bound());
    }

    static String detachPartition(QualifiedName table, PartitionBound bound) {
        return alterTable(bound.parent(), "DETACH PARTITION " + table.sql());
    }

    static String dropTable(QualifiedName name) {
        return "DROP TABLE " + name.sql();
    }

    /** {@code name type [COLLATE] [DEFAULT] [NOT NULL] [identity] [generated]}. */
    static String columnDefinition(Column column) {
        StringBuilder sql = new StringBuilder(Identifiers.quote(column.name())).append(' ').append(column.type().sql());
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(Identifiers.collation(column.collation()));
        }
        if (column.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        if (column.identity() != null) {
            sql.append(' ').append(identityClause(column.identity()));
        }
        if (column.generatedExpression() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(column.generatedExpression()).append(") STORED");
        }
        return sql.toString();
    }

    static String identityClause(Identity identity) {
        String options = sequenceOptions(identity.sequence());
        return "GENERATED " + identity.generation().sql() + " AS IDENTITY" + (options.isEmpty() ? "" : " (" + options + ")");
    }

    /** The options that are set, e.g. {@code START WITH 100 INCREMENT BY 10}; empty for all defaults. */
    static String sequenceOptions(SequenceOptions options) {
        List<String> parts = new ArrayList<>();
        if (options.start() != null) {
            parts.add("START WITH " + options.start());
        }
        if (options.increment() != null) {
            parts.add("INCREMENT BY " + options.increment());
        }
        if (options.minValue() != null) {
            parts.add("MINVALUE " + options.minValue());
        }
        if (options.maxValue() != null) {
            parts.add("MAXVALUE " + options.maxValue());
        }
        if (options.cache() != null) {
            parts.add("CACHE " + options.cache());
        }
        if (options.cycle()) {
            parts.add("CYCLE");
        }
        return String.join(" ", parts);
    }

    static String addColumn(QualifiedName table, Column column) {
        return alterTable(table, "ADD COLUMN " + columnDefinition(column));
    }

    static String dropColumn(QualifiedName table, String column) {
        return alterTable(table, "DROP COLUMN " + Identifiers.quote(column));
    }

    /** {@code ALTER TABLE table ALTER COLUMN column action}. */
    static String alterColumn(QualifiedName table, String column, String action) {
        return alterTable(table, "ALTER COLUMN " + Identifiers.quote(column) + " " + action);
    }

    /** {@code ALTER TABLE old RENAME TO new}: the new name stays in the old one's schema. */
    static String renameTable(QualifiedName old, String newName) {
        return alterTable(old, "RENAME TO " + Identifiers.quote(newName));
    }

    /** {@code ALTER TABLE table RENAME COLUMN old TO new}. */
    static String renameColumn(QualifiedName table, String oldName, String newName) {
        return alterTable(table, "RENAME COLUMN " + Identifiers.quote(oldName) + " TO " + Identifiers.quote(newName));
    }

    static String alterTable(QualifiedName table, String action) {
        return "ALTER TABLE " + table.sql() + " " + action;
    }

    /** {@code CONSTRAINT name ...}, as used both inside CREATE TABLE and in ALTER TABLE ... ADD. */
    static String constraintDefinition(Constraint constraint) {
        String body;
        if (constraint instanceof PrimaryKey primaryKey) {
            body = "PRIMARY KEY (" + columnList(primaryKey.columns()) + ")";
        } else if (constraint instanceof UniqueConstraint unique) {
            body = "UNIQUE" + (unique.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
                    + " (" + columnList(unique.columns()) + ")" + deferrable(unique.deferrable(), unique.initiallyDeferred());
        } else if (constraint instanceof ForeignKey foreignKey) {
            body = foreignKeyBody(foreignKey);
        } else if (constraint instanceof ExclusionConstraint exclusion) {
            body = exclusion.definition();
        } else {
            CheckConstraint check = (CheckConstraint) constraint;
            body = "CHECK (" + check.expression() + ")" + (check.noInherit() ? " NO INHERIT" : "");
        }
        return "CONSTRAINT " + Identifiers.quote(constraint.name()) + " " + body;
    }

    private static String foreignKeyBody(ForeignKey foreignKey) {
        StringBuilder sql = new StringBuilder("FOREIGN KEY (").append(columnList(foreignKey.columns())).append(")")
                .append(" REFERENCES ").append(foreignKey.referencedTable().sql())
                .append(" (").append(columnList(foreignKey.referencedColumns())).append(")");
        if (foreignKey.match() == ForeignKey.MatchType.FULL) {
            sql.append(" MATCH FULL");
        }
        if (foreignKey.onUpdate() != ForeignKey.ReferentialAction.NO_ACTION) {
            sql.append(" ON UPDATE ").append(foreignKey.onUpdate().sql());
        }
        if (foreignKey.onDelete() != ForeignKey.ReferentialAction.NO_ACTION) {
            sql.append(" ON DELETE ").append(foreignKey.onDelete().sql());
        }
        sql.append(deferrable(foreignKey.deferrable(), foreignKey.initiallyDeferred()));
        return sql.toString();
    }

    private static String deferrable(boolean deferrable, boolean initiallyDeferred) {
        if (!deferrable) {
            return "";
        }
        return initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }

    /** {@code ALTER TABLE ... ADD CONSTRAINT ...}, with NOT VALID where the constraint is declared so. */
    static String addConstraint(QualifiedName table, Constraint constraint) {
        boolean notValid = constraint instanceof CheckConstraint check && check.notValid()
                || constraint instanceof ForeignKey foreignKey && foreignKey.notValid();
        return alterTable(table, "ADD " + constraintDefinition(constraint) + (notValid ? " NOT VALID" : ""));
    }

    static String validateConstraint(QualifiedName table, String constraint) {
        return alterTable(table, "VALIDATE CONSTRAINT " + Identifiers.quote(constraint));
    }

    /** {@code  WITH (fillfactor=70)}, with a leading space, or nothing when there are no parameters. */
    static String withParameters(List<String> parameters) {
        return parameters.isEmpty() ? "" : " WITH (" + parameters.stream().map(StorageParameters::sql)
                .collect(Collectors.joining(", ")) + ")";
    }

    /** The parameter names of {@code name=value} storage parameters. */
    static List<String> parameterNames(List<String> parameters) {
        return parameters.stream().map(StorageParameters::name).toList();
    }

    /**
     * {@code SET (...)} for the parameters {@code want} has and {@code have} lacks or spells differently, and
     * {@code RESET (...)} for those only {@code have} has: the actions of ALTER TABLE or ALTER INDEX.
     */
    static List<String> storageParameterActions(List<String> want, List<String> have) {
        List<String> set = want.stream().filter(p -> !have.contains(p)).toList();
        List<String> wantNames = parameterNames(want);
        List<String> reset = parameterNames(have).stream().filter(n -> !wantNames.contains(n)).toList();
        List<String> actions = new ArrayList<>();
        if (!set.isEmpty()) {
            actions.add("SET (" + set.stream().map(StorageParameters::sql).collect(Collectors.joining(", ")) + ")");
        }
        if (!reset.isEmpty()) {
            actions.add("RESET (" + String.join(", ", reset) + ")");
        }
        return actions;
    }

    static String alterIndex(QualifiedName table, String index, String action) {
        return "ALTER INDEX " + QualifiedName.of(table.schema(), index).sql() + " " + action;
    }

    static String replicaIdentity(QualifiedName table, ReplicaIdentity identity) {
        return alterTable(table, "REPLICA IDENTITY " + identity.sql());
    }

    static String dropConstraint(QualifiedName table, String constraint) {
        return alterTable(table, "DROP CONSTRAINT " + Identifiers.quote(constraint));
    }

    static String createIndex(QualifiedName table, Index index) {
        return createIndex(table, index, false);
    }

    /** {@code CREATE [UNIQUE] INDEX CONCURRENTLY ...}: builds without blocking writes; not in a transaction block. */
    static String createIndexConcurrently(QualifiedName table, Index index) {
        return createIndex(table, index, true);
    }

    private static String createIndex(QualifiedName table, Index index, boolean concurrently) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (index.unique()) {
            sql.append("UNIQUE ");
        }
        sql.append(concurrently ? "INDEX CONCURRENTLY " : "INDEX ").append(Identifiers.quote(index.name())).append(" ON ").append(table.sql())
                .append(" USING ").append(Identifiers.quote(index.method()))
                .append(" (").append(index.keys().stream().map(DdlRenderer::indexKey).collect(Collectors.joining(", "))).append(")");
        if (!index.include().isEmpty()) {
            sql.append(" INCLUDE (").append(columnList(index.include())).append(")");
        }
        if (index.nullsNotDistinct()) {
            sql.append(" NULLS NOT DISTINCT");
        }
        sql.append(withParameters(index.storageParameters()));
        if (index.predicate() != null) {
            sql.append(" WHERE ").append(index.predicate());
        }
        return sql.toString();
    }

    private static String indexKey(IndexKey key) {
        StringBuilder sql = new StringBuilder(key.isExpression() ? "(" + key.expression() + ")" : Identifiers.quote(key.column()));
        if (key.opclass() != null) {
            sql.append(' ').append(key.opclass()); // SQL-spelled by the model
        }
        if (key.descending()) {
            sql.append(" DESC");
        }
        if (key.hasNonDefaultNulls()) {
            sql.append(key.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
        }
        return sql.toString();
    }

    /** Indexes live in their table's schema. */
    static String dropIndex(QualifiedName table, String index) {
        return "DROP INDEX " + QualifiedName.of(table.schema(), index).sql();
    }

    /** {@code DROP INDEX CONCURRENTLY [IF EXISTS] ...}: waits for the index's users; not in a transaction block. */
    static String dropIndexConcurrently(QualifiedName table, String index, boolean ifExists) {
        return "DROP INDEX CONCURRENTLY " + (ifExists ? "IF EXISTS " : "") + QualifiedName.of(table.schema(), index).sql();
    }

    /**
     * {@code ALTER TABLE ... ADD CONSTRAINT name UNIQUE|PRIMARY KEY USING INDEX name}: makes the unique index of the
     * same name the key's index (a catalog change, no scan, when the key's columns are already NOT NULL).
     */
    static String addKeyUsingIndex(QualifiedName table, Constraint key) {
        String name = Identifiers.quote(key.name());
        if (key instanceof PrimaryKey) {
            return alterTable(table, "ADD CONSTRAINT " + name + " PRIMARY KEY USING INDEX " + name);
        }
        UniqueConstraint unique = (UniqueConstraint) key;
        return alterTable(table, "ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name
                + deferrable(unique.deferrable(), unique.initiallyDeferred()));
    }

    static String createPolicy(QualifiedName table, Policy policy) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(Identifiers.quote(policy.name()))
                .append(" ON ").append(table.sql())
                .append(" AS ").append(policy.permissive() ? "PERMISSIVE" : "RESTRICTIVE")
                .append(" FOR ").append(policy.command().name())
                .append(" TO ").append(roleList(policy.roles()));
        appendPolicyExpressions(sql, policy);
        return sql.toString();
    }

    /** ALTER POLICY can change roles and expressions, but cannot remove an expression. */
    static String alterPolicy(QualifiedName table, Policy policy) {
        StringBuilder sql = new StringBuilder("ALTER POLICY ").append(Identifiers.quote(policy.name()))
                .append(" ON ").append(table.sql())
                .append(" TO ").append(roleList(policy.roles()));
        appendPolicyExpressions(sql, policy);
        return sql.toString();
    }

    private static void appendPolicyExpressions(StringBuilder sql, Policy policy) {
        if (policy.using() != null) {
            sql.append(" USING (").append(policy.using()).append(")");
        }
        if (policy.withCheck() != null) {
            sql.append(" WITH CHECK (").append(policy.withCheck()).append(")");
        }
    }

    static String dropPolicy(QualifiedName table, String policy) {
        return "DROP POLICY " + Identifiers.quote(policy) + " ON " + table.sql();
    }

    private static String roleList(List<String> roles) {
        if (roles.isEmpty()) {
            return "PUBLIC";
        }
        return roles.stream()
                .map(role -> ROLE_KEYWORDS.contains(role.toLowerCase(Locale.ROOT)) && role.equals(role.toLowerCase(Locale.ROOT))
                        ? role.toUpperCase(Locale.ROOT) : Identifiers.quote(role))
                .collect(Collectors.joining(", "));
    }

    static String commentOnSchema(String schema, String comment) {
        return "COMMENT ON SCHEMA " + Identifiers.quote(schema) + " IS " + commentLiteral(comment);
    }

    static String commentOnConstraint(QualifiedName table, String constraint, String comment) {
        return "COMMENT ON CONSTRAINT " + Identifiers.quote(constraint) + " ON " + table.sql() + " IS " + commentLiteral(comment);
    }

    /** Indexes live in their table's schema. */
    static String commentOnIndex(QualifiedName table, String index, String comment) {
        return "COMMENT ON INDEX " + QualifiedName.of(table.schema(), index).sql() + " IS " + commentLiteral(comment);
    }

    static String commentOnTable(QualifiedName table, String comment) {
        return "COMMENT ON TABLE " + table.sql() + " IS " + commentLiteral(comment);
    }

    static String commentOnColumn(QualifiedName table, String column, String comment) {
        return "COMMENT ON COLUMN " + table.sql() + "." + Identifiers.quote(column) + " IS " + commentLiteral(comment);
    }

    private static String commentLiteral(String comment) {
        return comment == null ? "NULL" : Identifiers.literal(comment);
    }

    static String columnList(List<String> columns) {
        return columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }
}
