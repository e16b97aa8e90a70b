package dev.schemaguard.diff;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaObject;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Declared renames of schemas and of types (enums, domains, composite and range types), applied to the actual
 * database before anything is compared: the renamed schema or type is carried under its new name, and every
 * column, domain, attribute, range, foreign key, inheritance and grant that names it follows, as PostgreSQL's
 * catalog references (oids) do. A {@link SchemaChange.SchemaRenamed} or {@link SchemaChange.TypeRenamed} is
 * recorded for each. SQL text is respelled as PostgreSQL prints it after the rename (see {@link ColumnReferences}):
 * casts to a renamed type and names qualified by a renamed schema in defaults, checks, index expressions, policies
 * and views, routines' arguments and headers, triggers. What PostgreSQL keeps as text still spells the old name and
 * compares as changed: routine bodies, a sequence's name in a nextval default ('old_app.s'::regclass prints anew).
 */
final class DeclaredTypeRenames {

    private DeclaredTypeRenames() {
    }

    /**
     * {@code actual} with the schema renames {@code expected} declares applied; both or neither existing is an error,
     * unless the actual side has no schema at all (a baseline from nothing).
     */
    static Database applySchemaRenames(Database expected, Database actual, List<SchemaChange> changes) {
        if (actual.schemas().isEmpty()) {
            return actual; // nothing exists yet (a baseline): everything is created, there is nothing to rename
        }
        Set<String> names = actual.schemas().stream().map(Schema::name).collect(Collectors.toSet());
        Database renamed = actual;
        for (Schema schema : expected.schemas()) {
            String oldName = schema.renamedFrom();
            if (oldName == null || !mustRename("schema " + schema.name(), "schema " + oldName, "the database",
                    names.contains(schema.name()), names.contains(oldName), "schema", oldName, List.of(schema.name()))) {
                continue;
            }
            changes.add(new SchemaChange.SchemaRenamed(schema.name(), oldName));
            renamed = renameSchema(renamed, oldName, schema.name());
        }
        return renamed;
    }

    /** {@code actual} with the type renames {@code expected} declares applied, type by type within its schema. */
    static Database applyTypeRenames(Database expected, Database actual, List<SchemaChange> changes) {
        Database renamed = actual;
        for (Schema want : expected.schemas()) {
            for (SchemaObject type : types(want)) {
                String oldName = renamedFrom(type);
                Schema have = renamed.schema(want.name()).orElse(null);
                if (oldName == null || have == null) {
                    continue; // a new schema: everything in it is created
                }
                Set<String> names = types(have).stream().filter(t -> t.getClass() == type.getClass())
                        .map(SchemaObject::name).collect(Collectors.toSet());
                String what = type.kind() + " " + want.name() + ".";
                if (mustRename(what + type.name(), what + oldName, "schema " + want.name(), names.contains(type.name()),
                        names.contains(oldName), type.kind(), oldName, List.of(want.name(), type.name()))) {
                    changes.add(new SchemaChange.TypeRenamed(want.name(), type, oldName));
                    renamed = renameType(renamed, want.name(), oldName, type.name());
                }
            }
        }
        return renamed;
    }

    /**
     * Whether the declared rename is still to be done: true when only the old name exists, false when only the new
     * one does (done already); both or neither is a {@link DeclaredRenameException}.
     */
    static boolean mustRename(String newObject, String oldObject, String where, boolean hasNew, boolean hasOld,
                              String kind, String oldName, List<String> names) {
        String newName = names.get(names.size() - 1);
        String what = newObject + " is declared renamed from " + oldObject;
        if (hasNew && hasOld) {
            throw new DeclaredRenameException(what + ", but " + where + " has both: drop or rename one of them,"
                    + " or remove the declaration", oldName, names);
        }
        if (!hasNew && !hasOld) {
            throw new DeclaredRenameException(what + ", but " + where + " has neither: remove the declaration to create "
                    + kind + " " + newName, oldName, names);
        }
        return hasOld;
    }

    private static List<SchemaObject> types(Schema schema) {
        List<SchemaObject> types = new ArrayList<>(schema.enums());
        types.addAll(schema.domains());
        types.addAll(schema.compositeTypes());
        types.addAll(schema.rangeTypes());
        return types;
    }

    private static String renamedFrom(SchemaObject type) {
        if (type instanceof EnumType e) {
            return e.renamedFrom();
        } else if (type instanceof Domain d) {
            return d.renamedFrom();
        } else if (type instanceof CompositeType c) {
            return c.renamedFrom();
        }
        return ((RangeType) type).renamedFrom();
    }

    private static Database renameType(Database database, String schemaName, String oldName, String newName) {
        UnaryOperator<DataType> types = t -> schemaName.equals(t.schema()) && oldName.equals(t.name())
                ? new DataType(t.schema(), newName, t.modifiers(), t.arrayDimensions()) : t;
        Database retyped = respelled(rewrite(database, types, UnaryOperator.identity(), g -> g),
                sql -> ColumnReferences.castTypeRenamed(sql, schemaName, oldName, newName),
                sql -> ColumnReferences.typeRenamed(sql, schemaName, oldName, newName));
        return retyped.withSchemas(retyped.schemas().stream().map(s -> !s.name().equals(schemaName) ? s : s
                .withEnums(s.enums().stream().map(e -> e.name().equals(oldName) ? e.withName(newName) : e).toList())
                .withDomains(s.domains().stream().map(d -> d.name().equals(oldName) ? d.withName(newName) : d).toList())
                .withCompositeTypes(s.compositeTypes().stream().map(c -> c.name().equals(oldName) ? c.withName(newName) : c).toList())
                .withRangeTypes(s.rangeTypes().stream().map(r -> r.name().equals(oldName) ? r.withName(newName) : r).toList())
                .withGrants(s.grants().stream().map(g -> g.on().kind() == ObjectRef.Kind.TYPE && g.on().name().equals(oldName)
                        ? new Grant(new ObjectRef(g.on().kind(), g.on().schema(), newName, g.on().member()), g.grantee(),
                        g.privilege(), g.withGrantOption(), g.revoked()) : g).toList())).toList());
    }

    private static Database renameSchema(Database database, String oldName, String newName) {
        UnaryOperator<DataType> types = t -> oldName.equals(t.schema())
                ? new DataType(newName, t.name(), t.modifiers(), t.arrayDimensions()) : t;
        UnaryOperator<QualifiedName> tables = q -> oldName.equals(q.schema()) ? QualifiedName.of(newName, q.name()) : q;
        UnaryOperator<Grant> grants = g -> g.on().kind() == ObjectRef.Kind.SCHEMA && g.on().name().equals(oldName)
                ? new Grant(new ObjectRef(g.on().kind(), null, newName, null), g.grantee(), g.privilege(),
                g.withGrantOption(), g.revoked())
                : oldName.equals(g.on().schema()) ? new Grant(new ObjectRef(g.on().kind(), newName, g.on().name(),
                g.on().member()), g.grantee(), g.privilege(), g.withGrantOption(), g.revoked()) : g;
        UnaryOperator<String> text = sql -> ColumnReferences.qualifierRenamed(sql, oldName, newName);
        Database rewritten = respelled(rewrite(database, types, tables, grants), text, text);
        List<Schema> schemas = new ArrayList<>(rewritten.schemas().stream()
                .map(s -> s.name().equals(oldName) ? s.withName(newName) : s)
                .map(s -> s.withViews(s.views().stream().map(v -> v.withTriggers(v.triggers().stream()
                                .map(t -> renamed(t, text)).toList())).toList())
                        .withTables(s.tables().stream().map(t -> t.withTriggers(t.triggers().stream()
                                .map(trigger -> renamed(trigger, text)).toList())).toList()))
                .toList());
        schemas.sort(java.util.Comparator.comparing(Schema::name));
        return rewritten.withSchemas(schemas);
    }

    /**
     * The SQL text that PostgreSQL prints with a renamed type's (or schema's) new name once it is renamed: casts in defaults,
     * checks, index expressions, policies and views ({@code casts}), and routines' arguments and headers
     * ({@code signatures}; their bodies are text PostgreSQL keeps as written).
     */
    private static Database respelled(Database database, UnaryOperator<String> casts, UnaryOperator<String> signatures) {
        return database.withSchemas(database.schemas().stream().map(s -> s
                .withTables(s.tables().stream().map(t -> respelled(t, casts)).toList())
                .withViews(s.views().stream().map(v -> new View(v.name(), v.materialized(), casts.apply(v.definition()),
                        v.indexes(), v.comment(), v.triggers(), v.options(), v.rules())).toList())
                .withDomains(s.domains().stream().map(d -> new Domain(d.name(), d.baseType(), d.notNull(),
                        casts.apply(d.defaultExpression()), d.collation(), d.checks().stream().map(c -> new CheckConstraint(
                        c.name(), casts.apply(c.expression()), c.noInherit(), c.notValid(), c.renamedFrom())).toList(),
                        d.comment(), d.constraintComments(), d.renamedFrom())).toList())
                .withRoutines(s.routines().stream().map(r -> new Routine(r.name(), signatures.apply(r.arguments()),
                        r.routineKind(), signatures.apply(r.definition()), r.comment())).toList())).toList());
    }

    private static Table respelled(Table table, UnaryOperator<String> casts) {
        return table.withColumns(table.columns().stream().map(c -> c.withDefault(casts.apply(c.defaultExpression()))
                        .withGenerated(casts.apply(c.generatedExpression()))).toList())
                .withCheckConstraints(table.checkConstraints().stream().map(c -> new CheckConstraint(c.name(),
                        casts.apply(c.expression()), c.noInherit(), c.notValid(), c.renamedFrom())).toList())
                .withIndexes(table.indexes().stream().map(i -> new Index(i.name(), i.unique(), i.method(), i.keys().stream()
                        .map(k -> k.expression() == null ? k : new IndexKey(k.column(), casts.apply(k.expression()),
                                k.descending(), k.nullsFirst(), k.opclass())).toList(), i.include(), casts.apply(i.predicate()),
                        i.nullsNotDistinct(), i.storageParameters(), i.comment(), i.renamedFrom(), i.valid())).toList())
                .withPolicies(table.policies().stream().map(p -> new Policy(p.name(), p.permissive(), p.command(), p.roles(),
                        casts.apply(p.using()), casts.apply(p.withCheck()))).toList());
    }

    private static Trigger renamed(Trigger trigger, UnaryOperator<String> text) {
        return new Trigger(trigger.name(), text.apply(trigger.definition()), trigger.firing(), trigger.comment());
    }

    /** Every type, table reference and grant of {@code database} passed through the given functions. */
    private static Database rewrite(Database database, UnaryOperator<DataType> types, UnaryOperator<QualifiedName> tables,
                                    UnaryOperator<Grant> grants) {
        return database.withSchemas(database.schemas().stream().map(s -> s
                .withTables(s.tables().stream().map(t -> rewrite(t, types, tables)).toList())
                .withDomains(s.domains().stream().map(d -> new Domain(d.name(), types.apply(d.baseType()), d.notNull(),
                        d.defaultExpression(), d.collation(), d.checks(), d.comment(), d.constraintComments(), d.renamedFrom()))
                        .toList())
                .withCompositeTypes(s.compositeTypes().stream().map(c -> new CompositeType(c.name(), c.attributes().stream()
                        .map(a -> new CompositeType.Attribute(a.name(), types.apply(a.type()), a.collation())).toList(),
                        c.comment(), c.renamedFrom())).toList())
                .withRangeTypes(s.rangeTypes().stream().map(r -> new RangeType(r.name(), types.apply(r.subtype()),
                        r.subtypeOpclass(), r.collation(), r.canonical(), r.subtypeDiff(), r.multirangeTypeName(), r.comment(),
                        r.renamedFrom())).toList())
                .withGrants(s.grants().stream().map(grants).toList())).toList());
    }

    private static Table rewrite(Table table, UnaryOperator<DataType> types, UnaryOperator<QualifiedName> tables) {
        Table rewritten = table.withColumns(table.columns().stream().map(c -> c.withType(types.apply(c.type()))).toList())
                .withForeignKeys(table.foreignKeys().stream()
                        .map(fk -> fk.withReferencedTable(tables.apply(fk.referencedTable()))).toList())
                .withInherits(table.inherits().stream().map(tables).toList());
        PartitionBound bound = table.partitionOf();
        return bound == null || Objects.equals(tables.apply(bound.parent()), bound.parent()) ? rewritten
                : rewritten.withPartitionOf(new PartitionBound(tables.apply(bound.parent()), bound.bound()));
    }

}
