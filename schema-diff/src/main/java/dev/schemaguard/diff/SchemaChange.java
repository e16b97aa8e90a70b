package dev.schemaguard.diff;

import dev.schemaguard.model.Cast;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.ForeignTable;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.Publication;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.ReplicaIdentity;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaObject;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;
import dev.schemaguard.model.Trigger;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One difference between an expected and an actual schema: the whole vocabulary of the diff in one file.
 * "Added" means present in the expected schema and missing from the actual one (so it must be added to reach
 * the expected state); "Dropped" means present only in the actual one; "Altered" and "Changed" carry both
 * sides. The diff says what differs, never how to fix it: that is the planner's job.
 */
public sealed interface SchemaChange {

    /** The object the change is about, for grouping and messages: {@code public.orders}, {@code public}. */
    String subject();

    /** One line for a person: {@code missing column public.orders.total numeric(10,2) NOT NULL}. */
    String describe();

    /** Calls the visitor's method for this kind of change: a new kind does not compile until every visitor handles it. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of change, so that a consumer that must handle every kind (the planner) is told by the
     * compiler when a kind is added.
     */
    interface Visitor<R> {
        R visit(SchemaAdded change);

        R visit(SchemaDropped change);

        R visit(SchemaCommentChanged change);

        R visit(TableAdded change);

        R visit(TableRenamed change);

        R visit(ColumnRenamed change);

        R visit(SchemaRenamed change);

        R visit(TypeRenamed change);

        R visit(IndexRenamed change);

        R visit(ConstraintRenamed change);

        R visit(TableDropped change);

        R visit(TableCommentChanged change);

        R visit(RowSecurityChanged change);

        R visit(PersistenceChanged change);

        R visit(StorageParametersChanged change);

        R visit(ReplicaIdentityChanged change);

        R visit(ColumnAdded change);

        R visit(ColumnDropped change);

        R visit(ColumnAltered change);

        R visit(ConstraintAdded change);

        R visit(ConstraintDropped change);

        R visit(ConstraintAltered change);

        R visit(ConstraintNotValidated change);

        R visit(ConstraintCommentChanged change);

        R visit(IndexStorageParametersChanged change);

        R visit(IndexCommentChanged change);

        R visit(IndexAdded change);

        R visit(IndexDropped change);

        R visit(IndexAltered change);

        R visit(PolicyAdded change);

        R visit(PolicyDropped change);

        R visit(PolicyAltered change);

        R visit(ForeignDataWrapperAdded change);

        R visit(ForeignDataWrapperDropped change);

        R visit(ForeignDataWrapperAltered change);

        R visit(ForeignServerAdded change);

        R visit(ForeignServerDropped change);

        R visit(ForeignServerAltered change);

        R visit(PublicationAdded change);

        R visit(PublicationDropped change);

        R visit(PublicationAltered change);

        R visit(CastAdded change);

        R visit(CastDropped change);

        R visit(CastAltered change);

        R visit(ExtensionAdded change);

        R visit(ExtensionDropped change);

        R visit(ExtensionAltered change);

        R visit(ObjectAdded change);

        R visit(ObjectDropped change);

        R visit(ObjectAltered change);

        R visit(TextSearchDictionaryAdded change);

        R visit(TextSearchDictionaryDropped change);

        R visit(TextSearchDictionaryAltered change);

        R visit(TextSearchConfigurationAdded change);

        R visit(TextSearchConfigurationDropped change);

        R visit(TextSearchConfigurationAltered change);

        R visit(TriggerAdded change);

        R visit(TriggerDropped change);

        R visit(TriggerAltered change);

        R visit(RuleAdded change);

        R visit(RuleDropped change);

        R visit(RuleAltered change);

        R visit(PartitioningChanged change);

        R visit(ForeignTableChanged change);

        R visit(PartitionBoundChanged change);

        R visit(InheritanceChanged change);

        R visit(GrantAdded change);

        R visit(GrantDropped change);

        R visit(GrantOptionChanged change);
    }

    enum ColumnAspect { TYPE, NULLABILITY, DEFAULT, IDENTITY, GENERATED, COLLATION, COMMENT, STORAGE, COMPRESSION }

    /** A change that belongs to one table. */
    sealed interface TableChange extends SchemaChange {
        QualifiedName table();

        @Override
        default String subject() {
            return table().toString();
        }
    }

    /**
     * A declared rename ({@code renamed_from}) of an object the database has under its old name: renamed in place,
     * keeping its rows and values; every other change names the object by its new name.
     */
    sealed interface DeclaredRename extends SchemaChange {
    }

    /** The schema is declared renamed from {@code oldName}: rename it, with everything in it. */
    record SchemaRenamed(String schema, String oldName) implements DeclaredRename {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return schema;
        }

        public String describe() {
            return "schema " + oldName + " is to be renamed to " + schema;
        }
    }

    /**
     * The enum, domain, composite or range type {@code type} (the expected one) is declared renamed from
     * {@code oldName} in the same schema: rename it, and the columns of that type keep their values.
     */
    record TypeRenamed(String schema, SchemaObject type, String oldName) implements DeclaredRename {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return schema + "." + type.name();
        }

        public String describe() {
            return type.kind() + " " + schema + "." + oldName + " is to be renamed to " + type.name();
        }
    }

    /** The index (of {@code table}) is declared renamed from {@code oldName}: rename it instead of building it again. */
    record IndexRenamed(QualifiedName table, String index, String oldName) implements TableChange, DeclaredRename {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "index " + QualifiedName.of(table.schema(), oldName) + " of " + table + " is to be renamed to " + index;
        }
    }

    /** The constraint of {@code table} is declared renamed from {@code oldName}: RENAME CONSTRAINT, no re-validation. */
    record ConstraintRenamed(QualifiedName table, String constraint, String oldName) implements TableChange, DeclaredRename {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "constraint " + oldName + " of " + table + " is to be renamed to " + constraint;
        }
    }

    record SchemaAdded(Schema schema) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return schema.name();
        }

        public String describe() {
            return "missing schema " + schema.name();
        }
    }

    record SchemaDropped(Schema schema) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return schema.name();
        }

        public String describe() {
            return "unexpected schema " + schema.name();
        }
    }

    record SchemaCommentChanged(String schema, String expected, String actual) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return schema;
        }

        public String describe() {
            return "comment on schema " + schema + " is " + Describe.text(actual) + ", expected " + Describe.text(expected);
        }
    }

    record TableAdded(QualifiedName table, Table definition) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "missing table " + table + " (" + definition.columns().size() + " columns)";
        }
    }

    /**
     * The table is declared renamed from {@code oldName} (same schema), which the database has under that name:
     * rename it, keeping its rows. {@code table} is the new name, which the table's other changes use.
     */
    record TableRenamed(QualifiedName table, String oldName) implements TableChange, DeclaredRename {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "table " + QualifiedName.of(table.schema(), oldName) + " is to be renamed to " + table.name();
        }
    }

    /**
     * The column is declared renamed from {@code oldName}, which the table has under that name: rename it,
     * keeping its values. {@code column} is the new name, which the column's other changes use.
     */
    record ColumnRenamed(QualifiedName table, String column, String oldName) implements TableChange, DeclaredRename {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "column " + table + "." + oldName + " is to be renamed to " + column;
        }
    }

    record TableDropped(QualifiedName table, Table definition) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "unexpected table " + table;
        }
    }

    record TableCommentChanged(QualifiedName table, String expected, String actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "comment on table " + table + " is " + Describe.text(actual) + ", expected " + Describe.text(expected);
        }
    }

    record RowSecurityChanged(QualifiedName table, RowSecurity expected, RowSecurity actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "row level security on " + table + " is " + Describe.rowSecurity(actual)
                    + ", expected " + Describe.rowSecurity(expected);
        }
    }

    /** The table is {@code UNLOGGED} where it is expected logged, or the other way round. */
    record PersistenceChanged(QualifiedName table, boolean expectedUnlogged, boolean actualUnlogged) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return table + " is " + Describe.persistence(actualUnlogged) + ", expected " + Describe.persistence(expectedUnlogged);
        }
    }

    /** The table's storage parameters ({@code WITH (...)}) differ; each list holds {@code name=value}. */
    record StorageParametersChanged(QualifiedName table, List<String> expected, List<String> actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return table + " has storage parameters " + Describe.parameters(actual) + ", expected "
                    + Describe.parameters(expected);
        }
    }

    /** What the table's changes carry to logical replication differs. */
    record ReplicaIdentityChanged(QualifiedName table, ReplicaIdentity expected, ReplicaIdentity actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return table + " has REPLICA IDENTITY " + actual.sql() + ", expected " + expected.sql();
        }
    }

    record ColumnAdded(QualifiedName table, Column column) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "missing column " + table + "." + column.name() + " " + Describe.column(column);
        }
    }

    record ColumnDropped(QualifiedName table, Column column) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "unexpected column " + table + "." + column.name() + " " + Describe.column(column);
        }
    }

    record ColumnAltered(QualifiedName table, Column expected, Column actual, Set<ColumnAspect> aspects)
            implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public ColumnAltered {
            aspects = Collections.unmodifiableSet(EnumSet.copyOf(aspects));
        }

        public String describe() {
            return "column " + table + "." + expected.name() + " differs in " + Describe.aspects(aspects)
                    + ": is " + Describe.column(actual) + ", expected " + Describe.column(expected);
        }
    }

    record ConstraintAdded(QualifiedName table, Constraint constraint) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "missing " + constraint.kind() + " " + constraint.name() + " on " + table;
        }
    }

    record ConstraintDropped(QualifiedName table, Constraint constraint) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "unexpected " + constraint.kind() + " " + constraint.name() + " on " + table;
        }
    }

    record ConstraintAltered(QualifiedName table, Constraint expected, Constraint actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            String how = ConstraintDifference.describe(expected, actual);
            return expected.kind() + " " + expected.name() + " on " + table + " differs from the expected definition"
                    + (how.isEmpty() ? "" : ": " + how);
        }
    }

    /**
     * A check or foreign key that is expected to hold for every row is NOT VALID in the database: rows that
     * existed when it was added were never checked. (A constraint declared NOT VALID is satisfied by a validated
     * one: that is no difference.)
     */
    record ConstraintNotValidated(QualifiedName table, Constraint constraint) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return constraint.kind() + " " + constraint.name() + " on " + table + " is NOT VALID, expected validated";
        }
    }

    record ConstraintCommentChanged(QualifiedName table, String constraint, String expected, String actual)
            implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "comment on constraint " + constraint + " of " + table + " is " + Describe.text(actual)
                    + ", expected " + Describe.text(expected);
        }
    }

    /** The same index, with other storage parameters; each list holds {@code name=value}. */
    record IndexStorageParametersChanged(QualifiedName table, String index, List<String> expected, List<String> actual)
            implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "index " + index + " on " + table + " has storage parameters " + Describe.parameters(actual)
                    + ", expected " + Describe.parameters(expected);
        }
    }

    record IndexCommentChanged(QualifiedName table, String index, String expected, String actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "index " + index + " on " + table + " has comment " + Describe.text(actual) + ", expected "
                    + Describe.text(expected);
        }
    }

    record IndexAdded(QualifiedName table, Index index) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "missing index " + index.name() + " on " + table;
        }
    }

    record IndexDropped(QualifiedName table, Index index) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "unexpected " + (index.valid() ? "" : "invalid ") + "index " + index.name() + " on " + table;
        }
    }

    record IndexAltered(QualifiedName table, Index expected, Index actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return actual.valid() ? "index " + expected.name() + " on " + table + " differs from the expected definition"
                    : "index " + expected.name() + " on " + table + " is invalid (a failed CREATE INDEX CONCURRENTLY left it)";
        }
    }

    record PolicyAdded(QualifiedName table, Policy policy) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "missing policy " + policy.name() + " on " + table;
        }
    }

    record PolicyDropped(QualifiedName table, Policy policy) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "unexpected policy " + policy.name() + " on " + table;
        }
    }

    record PolicyAltered(QualifiedName table, Policy expected, Policy actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "policy " + expected.name() + " on " + table + " differs from the expected definition";
        }
    }

    record ForeignDataWrapperAdded(ForeignDataWrapper wrapper) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "foreign-data wrapper " + wrapper.name();
        }

        public String describe() {
            return "missing foreign-data wrapper " + wrapper.name();
        }
    }

    record ForeignDataWrapperDropped(ForeignDataWrapper wrapper) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "foreign-data wrapper " + wrapper.name();
        }

        public String describe() {
            return "unexpected foreign-data wrapper " + wrapper.name();
        }
    }

    /** Another handler, validator, options or comment. */
    record ForeignDataWrapperAltered(ForeignDataWrapper expected, ForeignDataWrapper actual) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "foreign-data wrapper " + expected.name();
        }

        public String describe() {
            return "foreign-data wrapper " + expected.name() + " differs: " + Describe.wrapperDifferences(expected, actual);
        }
    }

    record ForeignServerAdded(ForeignServer server) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "server " + server.name();
        }

        public String describe() {
            return "missing server " + server.name();
        }
    }

    record ForeignServerDropped(ForeignServer server) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "server " + server.name();
        }

        public String describe() {
            return "unexpected server " + server.name();
        }
    }

    /** Another wrapper, type, version, options or comment. */
    record ForeignServerAltered(ForeignServer expected, ForeignServer actual) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "server " + expected.name();
        }

        public String describe() {
            return "server " + expected.name() + " differs: " + Describe.serverDifferences(expected, actual);
        }

        /** PostgreSQL cannot change a server's wrapper or type in place. */
        public boolean needsRecreation() {
            return !expected.wrapper().equals(actual.wrapper()) || !java.util.Objects.equals(expected.type(), actual.type());
        }
    }

    record PublicationAdded(Publication publication) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "publication " + publication.name();
        }

        public String describe() {
            return "missing publication " + publication.name();
        }
    }

    record PublicationDropped(Publication publication) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "publication " + publication.name();
        }

        public String describe() {
            return "unexpected publication " + publication.name();
        }
    }

    /** The publication publishes other tables, schemas or operations, or has another comment. */
    record PublicationAltered(Publication expected, Publication actual) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "publication " + expected.name();
        }

        public String describe() {
            return "publication " + expected.name() + " differs: " + Describe.publicationDifferences(expected, actual);
        }
    }

    record CastAdded(Cast cast) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "cast " + cast.sql();
        }

        public String describe() {
            return "missing cast " + cast.sql();
        }
    }

    record CastDropped(Cast cast) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "cast " + cast.sql();
        }

        public String describe() {
            return "unexpected cast " + cast.sql();
        }
    }

    /** The cast converts another way, applies in another context, or has another comment. */
    record CastAltered(Cast expected, Cast actual) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "cast " + expected.sql();
        }

        public String describe() {
            return "cast " + expected.sql() + " differs: " + Describe.castDifferences(expected, actual);
        }
    }

    record ExtensionAdded(Extension extension) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "extension " + extension.name();
        }

        public String describe() {
            return "missing extension " + extension.name();
        }
    }

    record ExtensionDropped(Extension extension) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "extension " + extension.name();
        }

        public String describe() {
            return "unexpected extension " + extension.name();
        }
    }

    record ExtensionAltered(Extension expected, Extension actual) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return "extension " + expected.name();
        }

        public String describe() {
            return "extension " + expected.name() + " is version " + actual.version() + " in schema " + actual.schema()
                    + ", expected version " + expected.version() + " in schema " + expected.schema();
        }
    }

    /** A sequence, type, view, routine or collation present only in the expected schema. */
    record ObjectAdded(String schema, SchemaObject object) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return schema + "." + object.identity();
        }

        public String describe() {
            return "missing " + object.kind() + " " + subject();
        }
    }

    record ObjectDropped(String schema, SchemaObject object) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return schema + "." + object.identity();
        }

        public String describe() {
            return "unexpected " + object.kind() + " " + subject();
        }
    }

    record ObjectAltered(String schema, SchemaObject expected, SchemaObject actual) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return schema + "." + expected.identity();
        }

        public String describe() {
            return expected.kind() + " " + subject() + " differs from the expected definition";
        }
    }

    /** A change to a text search dictionary or configuration of {@link #schema()}. */
    sealed interface TextSearchChange extends SchemaChange {
        String schema();

        /** The dictionary's or configuration's name. */
        String name();

        @Override
        default String subject() {
            return QualifiedName.of(schema(), name()).toString();
        }
    }

    record TextSearchDictionaryAdded(String schema, TextSearchDictionary dictionary) implements TextSearchChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String name() {
            return dictionary.name();
        }

        public String describe() {
            return "missing text search dictionary " + subject();
        }
    }

    record TextSearchDictionaryDropped(String schema, TextSearchDictionary dictionary) implements TextSearchChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String name() {
            return dictionary.name();
        }

        public String describe() {
            return "unexpected text search dictionary " + subject();
        }
    }

    /** Another template, other options or another comment. */
    record TextSearchDictionaryAltered(String schema, TextSearchDictionary expected, TextSearchDictionary actual)
            implements TextSearchChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String name() {
            return expected.name();
        }

        public String describe() {
            return "text search dictionary " + subject() + " differs: " + TextSearchDifferences.of(expected, actual);
        }
    }

    record TextSearchConfigurationAdded(String schema, TextSearchConfiguration configuration) implements TextSearchChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String name() {
            return configuration.name();
        }

        public String describe() {
            return "missing text search configuration " + subject();
        }
    }

    record TextSearchConfigurationDropped(String schema, TextSearchConfiguration configuration) implements TextSearchChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String name() {
            return configuration.name();
        }

        public String describe() {
            return "unexpected text search configuration " + subject();
        }
    }

    /** Another parser, other mappings or another comment. */
    record TextSearchConfigurationAltered(String schema, TextSearchConfiguration expected, TextSearchConfiguration actual)
            implements TextSearchChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String name() {
            return expected.name();
        }

        public String describe() {
            return "text search configuration " + subject() + " differs: " + TextSearchDifferences.of(expected, actual);
        }
    }

    /** A trigger of a table, or of a view ({@code table} then names the view). */
    record TriggerAdded(QualifiedName table, Trigger trigger) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "missing trigger " + trigger.name() + " on " + table;
        }
    }

    record TriggerDropped(QualifiedName table, Trigger trigger) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "unexpected trigger " + trigger.name() + " on " + table;
        }
    }

    record TriggerAltered(QualifiedName table, Trigger expected, Trigger actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "trigger " + expected.name() + " on " + table + " differs from the expected definition";
        }
    }

    /** A rewrite rule of a table, or of a view ({@code table} then names the view). */
    record RuleAdded(QualifiedName table, Rule rule) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "missing rule " + rule.name() + " on " + table;
        }
    }

    record RuleDropped(QualifiedName table, Rule rule) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "unexpected rule " + rule.name() + " on " + table;
        }
    }

    record RuleAltered(QualifiedName table, Rule expected, Rule actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return "rule " + expected.name() + " on " + table + " differs from the expected definition";
        }
    }

    /** The partition key differs (or one side is not partitioned); PostgreSQL can only change it by rebuilding the table. */
    record PartitioningChanged(QualifiedName table, Partitioning expected, Partitioning actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return table + " is " + (actual == null ? "not partitioned" : "partitioned by " + actual.sql())
                    + ", expected " + (expected == null ? "not partitioned" : "partitioned by " + expected.sql());
        }
    }

    /**
     * The table is foreign and should not be, or the other way round (either side null), or it is a foreign table
     * with another server, other options or other column options.
     */
    record ForeignTableChanged(QualifiedName table, ForeignTable expected, ForeignTable actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return table + " differs: " + Describe.foreignTableDifferences(expected, actual);
        }

        /** A table becoming foreign or plain, or a foreign table moving to another server: dropped and created again. */
        public boolean needsRecreation() {
            return expected == null || actual == null || !expected.server().equals(actual.server());
        }
    }

    /** The table is a partition of another parent or with other bounds, or is attached/detached. */
    record PartitionBoundChanged(QualifiedName table, PartitionBound expected, PartitionBound actual) implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String describe() {
            return table + " is " + (actual == null ? "not a partition" : "a partition of " + actual.parent() + " " + actual.bound())
                    + ", expected " + (expected == null ? "not a partition" : "a partition of " + expected.parent() + " " + expected.bound());
        }
    }

    /**
     * The table inherits from other tables ({@code INHERITS}), or from the same ones in another order; each list
     * is in declaration order and empty for a table that inherits from nothing.
     */
    record InheritanceChanged(QualifiedName table, List<QualifiedName> expected, List<QualifiedName> actual)
            implements TableChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public InheritanceChanged {
            expected = List.copyOf(expected);
            actual = List.copyOf(actual);
        }

        public String describe() {
            return table + " inherits from " + names(actual) + ", expected " + names(expected);
        }

        private static String names(List<QualifiedName> parents) {
            return parents.isEmpty() ? "no table"
                    : parents.stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
        }
    }

    /**
     * A grant (or a revoked default privilege) the expected schema has and the actual one lacks. Grants are
     * only in the models when privileges are compared.
     */
    record GrantAdded(Grant grant) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return Describe.grantSubject(grant);
        }

        public String describe() {
            return grant.revoked() ? "missing revoke of default " + grant.describe() : "missing grant " + grant.describe();
        }
    }

    /** A grant (or a revoked default privilege) only the actual schema has. */
    record GrantDropped(Grant grant) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return Describe.grantSubject(grant);
        }

        public String describe() {
            return grant.revoked() ? "unexpected revoke of default " + grant.describe() : "unexpected grant " + grant.describe();
        }
    }

    /** The same privilege is granted on both sides, with the grant option on one only. */
    record GrantOptionChanged(Grant expected, Grant actual) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public String subject() {
            return Describe.grantSubject(expected);
        }

        public String describe() {
            return "grant " + actual.withGrantOption(false).describe() + (actual.withGrantOption()
                    ? " has the grant option, expected without" : " lacks the grant option, expected WITH GRANT OPTION");
        }
    }
}
