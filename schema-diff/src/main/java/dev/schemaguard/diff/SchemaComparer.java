package dev.schemaguard.diff;

import dev.schemaguard.diff.SchemaChange.ColumnAspect;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.Publication;
import dev.schemaguard.model.Cast;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaObject;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.UniqueConstraint;
import dev.schemaguard.model.View;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** Walks two models side by side; see {@link SchemaDiff#compare(Database, Database)}. */
final class SchemaComparer {

    private final Database expected;
    private final Database actual;
    private final List<SchemaChange> changes = new ArrayList<>();
    private final InheritedColumns expectedColumns;
    private final InheritedColumns actualColumns;

    SchemaComparer(Database expected, Database actual) {
        this.expected = Objects.requireNonNull(expected, "expected");
        // declared renames of schemas and types first: every later comparison sees the actual ones under their new names
        this.actual = DeclaredTypeRenames.applyTypeRenames(expected,
                DeclaredTypeRenames.applySchemaRenames(expected, Objects.requireNonNull(actual, "actual"), changes), changes);
        this.expectedColumns = new InheritedColumns(expected);
        this.actualColumns = new InheritedColumns(this.actual);
    }

    SchemaDiff compare() {
        compareExtensions();
        comparePublications();
        compareCasts();
        compareForeignDataWrappers();
        compareForeignServers();
        Map<String, Schema> expectedSchemas = byName(expected.schemas(), Schema::name);
        Map<String, Schema> actualSchemas = byName(actual.schemas(), Schema::name);
        for (String name : union(expectedSchemas, actualSchemas)) {
            Schema want = expectedSchemas.get(name);
            Schema have = actualSchemas.get(name);
            if (have == null) {
                changes.add(new SchemaChange.SchemaAdded(want));
            } else if (want == null) {
                changes.add(new SchemaChange.SchemaDropped(have));
            } else {
                actualSchemas.put(name, compareSchema(want, have));
            }
        }
        for (String name : union(expectedSchemas, actualSchemas)) {
            if (expectedSchemas.containsKey(name) && actualSchemas.containsKey(name)) {
                compareGrants(expectedSchemas.get(name), actualSchemas.get(name));
            }
        }
        return new SchemaDiff(changes);
    }

    /** After everything else: grants change once the objects they are on exist. A new schema carries its own. */
    private void compareGrants(Schema want, Schema have) {
        if (want.grants().equals(have.grants())) {
            return;
        }
        Map<Grant.Key, Grant> haveGrants = new HashMap<>();
        have.grants().forEach(g -> haveGrants.put(g.key(), g));
        Map<Grant.Key, Grant> wantGrants = new HashMap<>();
        want.grants().forEach(g -> wantGrants.put(g.key(), g));
        for (Grant grant : want.grants().stream().sorted(Grant.ORDER).toList()) {
            Grant found = haveGrants.get(grant.key());
            if (found == null || found.revoked() != grant.revoked()) {
                changes.add(new SchemaChange.GrantAdded(grant));
            } else if (found.withGrantOption() != grant.withGrantOption()) {
                changes.add(new SchemaChange.GrantOptionChanged(grant, found));
            }
        }
        for (Grant grant : have.grants().stream().sorted(Grant.ORDER).toList()) {
            Grant wanted = wantGrants.get(grant.key());
            if (wanted == null || wanted.revoked() != grant.revoked()) {
                changes.add(new SchemaChange.GrantDropped(grant));
            }
        }
    }

    /** Compares two schemas of one name; returns {@code have} with the declared renames applied, for the grants. */
    private Schema compareSchema(Schema want, Schema have) {
        if (!Objects.equals(schemaComment(want), schemaComment(have))) {
            changes.add(new SchemaChange.SchemaCommentChanged(want.name(), want.comment(), have.comment()));
        }
        SerialColumns serials = SerialColumns.between(want, have);
        compareObjects(want.name(), objects(want, serials.impliedSequences(want, have)),
                objects(have, serials.impliedSequences(have, want)));
        compareTextSearch(want, have);
        have = DeclaredRenames.applyColumnRenames(want, DeclaredRenames.applyTableRenames(want, have, changes), changes);
        want = SameDefinitionRenames.declare(want, have);
        have = DeclaredRenames.applyIndexAndConstraintRenames(want, have, changes);
        want = DeclaredRenames.withoutIndexAndConstraintDeclarations(want);
        if (sameNamesInOrder(want.tables(), have.tables())) {
            for (int i = 0; i < want.tables().size(); i++) {
                Table wantTable = want.tables().get(i);
                Table haveTable = have.tables().get(i);
                if (!wantTable.equals(haveTable)) {
                    compareTable(QualifiedName.of(want.name(), wantTable.name()), wantTable, haveTable, serials);
                }
            }
            return have;
        }
        Map<String, Table> wantTables = byName(want.tables(), Table::name);
        Map<String, Table> haveTables = byName(have.tables(), Table::name);
        for (String name : union(wantTables, haveTables)) {
            Table wantTable = wantTables.get(name);
            Table haveTable = haveTables.get(name);
            QualifiedName table = QualifiedName.of(want.name(), name);
            if (haveTable == null) {
                changes.add(new SchemaChange.TableAdded(table, wantTable));
            } else if (wantTable == null) {
                changes.add(new SchemaChange.TableDropped(table, haveTable));
            } else if (!wantTable.equals(haveTable)) { // the common case in a large schema is equal tables
                compareTable(table, wantTable, haveTable, serials);
            }
        }
        return have;
    }

    /** The schema's objects, with the sequences its serial columns imply where the other model lists them. */
    private static List<SchemaObject> objects(Schema schema, List<? extends SchemaObject> impliedSequences) {
        List<SchemaObject> objects = new ArrayList<>(schema.objects());
        objects.addAll(impliedSequences);
        return objects;
    }

    /**
     * Whether both lists name the same tables at the same positions, in name order: then walking them side by
     * side finds the same pairs, in the same order, as looking each name up (the usual case: a model compared
     * with the database it describes, both in name order).
     */
    private static boolean sameNamesInOrder(List<Table> want, List<Table> have) {
        if (want.size() != have.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            String name = want.get(i).name();
            if (!name.equals(have.get(i).name()) || (i > 0 && want.get(i - 1).name().compareTo(name) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** The comment initdb puts on {@code public} is no one's declaration: it counts as no comment. */
    private static String schemaComment(Schema schema) {
        return "public".equals(schema.name()) && "standard public schema".equals(schema.comment()) ? null : schema.comment();
    }

    private void compareTable(QualifiedName table, Table want, Table have, SerialColumns serials) {
        if (!Objects.equals(want.comment(), have.comment())) {
            changes.add(new SchemaChange.TableCommentChanged(table, want.comment(), have.comment()));
        }
        if (!want.rowSecurity().equals(have.rowSecurity())) {
            changes.add(new SchemaChange.RowSecurityChanged(table, want.rowSecurity(), have.rowSecurity()));
        }
        if (want.unlogged() != have.unlogged()) {
            changes.add(new SchemaChange.PersistenceChanged(table, want.unlogged(), have.unlogged()));
        }
        if (!sameParameters(want.storageParameters(), have.storageParameters())) {
            changes.add(new SchemaChange.StorageParametersChanged(table, want.storageParameters(), have.storageParameters()));
        }
        if (!want.replicaIdentity().equals(have.replicaIdentity())) {
            changes.add(new SchemaChange.ReplicaIdentityChanged(table, want.replicaIdentity(), have.replicaIdentity()));
        }
        compareColumns(table, want, have, serials);
        compareConstraints(table, want, have);
        compareIndexes(table, want, have);
        comparePolicies(table, want, have);
        compareTriggers(table, want.triggers(), have.triggers());
        compareRules(table, want.rules(), have.rules());
        if (!Objects.equals(want.partitioning(), have.partitioning())) {
            changes.add(new SchemaChange.PartitioningChanged(table, want.partitioning(), have.partitioning()));
        }
        if (!Objects.equals(want.foreign(), have.foreign())) {
            changes.add(new SchemaChange.ForeignTableChanged(table, want.foreign(), have.foreign()));
        }
        if (!samePartitionBound(want.partitionOf(), have.partitionOf())) {
            changes.add(new SchemaChange.PartitionBoundChanged(table, want.partitionOf(), have.partitionOf()));
        }
        if (!want.inherits().equals(have.inherits())) {
            changes.add(new SchemaChange.InheritanceChanged(table, want.inherits(), have.inherits()));
        }
    }

    private static boolean samePartitionBound(PartitionBound a, PartitionBound b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.parent().equals(b.parent()) && Expressions.equivalent(a.bound(), b.bound());
    }

    private void compareExtensions() {
        Map<String, Extension> want = byName(expected.extensions(), Extension::name);
        Map<String, Extension> have = byName(actual.extensions(), Extension::name);
        for (String name : union(want, have)) {
            Extension a = want.get(name);
            Extension b = have.get(name);
            if (b == null) {
                changes.add(new SchemaChange.ExtensionAdded(a));
            } else if (a == null) {
                changes.add(new SchemaChange.ExtensionDropped(b));
            } else if ((a.schema() != null && !a.schema().equals(b.schema()))
                    || (a.version() != null && !a.version().equals(b.version()))) {
                changes.add(new SchemaChange.ExtensionAltered(a, b));
            }
        }
    }

    private void comparePublications() {
        Map<String, Publication> want = byName(expected.publications(), Publication::name);
        Map<String, Publication> have = byName(actual.publications(), Publication::name);
        for (String name : union(want, have)) {
            Publication a = want.get(name);
            Publication b = have.get(name);
            if (b == null) {
                changes.add(new SchemaChange.PublicationAdded(a));
            } else if (a == null) {
                changes.add(new SchemaChange.PublicationDropped(b));
            } else if (!Publications.same(a, b)) {
                changes.add(new SchemaChange.PublicationAltered(a, b));
            }
        }
    }

    private void compareForeignDataWrappers() {
        Map<String, ForeignDataWrapper> want = byName(expected.foreignDataWrappers(), ForeignDataWrapper::name);
        Map<String, ForeignDataWrapper> have = byName(actual.foreignDataWrappers(), ForeignDataWrapper::name);
        for (String name : union(want, have)) {
            ForeignDataWrapper a = want.get(name);
            ForeignDataWrapper b = have.get(name);
            if (b == null) {
                changes.add(new SchemaChange.ForeignDataWrapperAdded(a));
            } else if (a == null) {
                changes.add(new SchemaChange.ForeignDataWrapperDropped(b));
            } else if (!ForeignData.sameWrapper(a, b)) {
                changes.add(new SchemaChange.ForeignDataWrapperAltered(a, b));
            }
        }
    }

    private void compareForeignServers() {
        Map<String, ForeignServer> want = byName(expected.foreignServers(), ForeignServer::name);
        Map<String, ForeignServer> have = byName(actual.foreignServers(), ForeignServer::name);
        for (String name : union(want, have)) {
            ForeignServer a = want.get(name);
            ForeignServer b = have.get(name);
            if (b == null) {
                changes.add(new SchemaChange.ForeignServerAdded(a));
            } else if (a == null) {
                changes.add(new SchemaChange.ForeignServerDropped(b));
            } else if (!a.equals(b)) {
                changes.add(new SchemaChange.ForeignServerAltered(a, b));
            }
        }
    }

    /** Casts are matched by their source and target types; unmatched ones come after, in their declared order. */
    private void compareCasts() {
        List<Cast> unmatched = new ArrayList<>(actual.casts());
        for (Cast want : expected.casts()) {
            Cast have = unmatched.stream().filter(want::sameTypesAs).findFirst().orElse(null);
            if (have == null) {
                changes.add(new SchemaChange.CastAdded(want));
            } else {
                unmatched.remove(have);
                if (!want.sameAs(have)) {
                    changes.add(new SchemaChange.CastAltered(want, have));
                }
            }
        }
        unmatched.forEach(have -> changes.add(new SchemaChange.CastDropped(have)));
    }

    private void compareObjects(String schema, List<SchemaObject> want, List<SchemaObject> have) {
        Map<String, SchemaObject> wantObjects = byName(want, SchemaComparer::objectKey);
        Map<String, SchemaObject> haveObjects = byName(have, SchemaComparer::objectKey);
        for (String key : union(wantObjects, haveObjects)) {
            SchemaObject a = wantObjects.get(key);
            SchemaObject b = haveObjects.get(key);
            if (b == null) {
                changes.add(new SchemaChange.ObjectAdded(schema, a));
            } else if (a == null) {
                changes.add(new SchemaChange.ObjectDropped(schema, b));
            } else {
                if (!SchemaObjects.same(a, b)) {
                    changes.add(new SchemaChange.ObjectAltered(schema, a, b));
                }
                if (a instanceof View wantView && b instanceof View haveView) {
                    compareTriggers(QualifiedName.of(schema, wantView.name()), wantView.triggers(), haveView.triggers());
                    compareRules(QualifiedName.of(schema, wantView.name()), wantView.rules(), haveView.rules());
                }
            }
        }
    }

    /** Dictionaries before configurations, each kind by name. */
    private void compareTextSearch(Schema want, Schema have) {
        String schema = want.name();
        Map<String, TextSearchDictionary> wantDictionaries = byName(want.textSearchDictionaries(), TextSearchDictionary::name);
        Map<String, TextSearchDictionary> haveDictionaries = byName(have.textSearchDictionaries(), TextSearchDictionary::name);
        for (String name : union(wantDictionaries, haveDictionaries)) {
            TextSearchDictionary a = wantDictionaries.get(name);
            TextSearchDictionary b = haveDictionaries.get(name);
            if (b == null) {
                changes.add(new SchemaChange.TextSearchDictionaryAdded(schema, a));
            } else if (a == null) {
                changes.add(new SchemaChange.TextSearchDictionaryDropped(schema, b));
            } else if (!a.equals(b)) {
                changes.add(new SchemaChange.TextSearchDictionaryAltered(schema, a, b));
            }
        }
        Map<String, TextSearchConfiguration> wantConfigurations = byName(want.textSearchConfigurations(), TextSearchConfiguration::name);
        Map<String, TextSearchConfiguration> haveConfigurations = byName(have.textSearchConfigurations(), TextSearchConfiguration::name);
        for (String name : union(wantConfigurations, haveConfigurations)) {
            TextSearchConfiguration a = wantConfigurations.get(name);
            TextSearchConfiguration b = haveConfigurations.get(name);
            if (b == null) {
                changes.add(new SchemaChange.TextSearchConfigurationAdded(schema, a));
            } else if (a == null) {
                changes.add(new SchemaChange.TextSearchConfigurationDropped(schema, b));
            } else if (!a.equals(b)) {
                changes.add(new SchemaChange.TextSearchConfigurationAltered(schema, a, b));
            }
        }
    }

    /** Kinds sort in creation order (collations and sequences, types, views, routines), then by name. */
    private static String objectKey(SchemaObject object) {
        int rank = switch (object.kind()) {
            case "collation", "sequence" -> 0;
            case "enum", "domain", "composite type", "range type" -> 1;
            case "view", "materialized view" -> 2;
            default -> 3;
        };
        return rank + object.kind() + ":" + object.identity();
    }

    /** Triggers of a table, or of a view present on both sides (its triggers are compared apart from its query). */
    private void compareTriggers(QualifiedName table, List<Trigger> want, List<Trigger> have) {
        Map<String, Trigger> wantTriggers = byName(want, Trigger::name);
        Map<String, Trigger> haveTriggers = byName(have, Trigger::name);
        for (String name : union(wantTriggers, haveTriggers)) {
            Trigger a = wantTriggers.get(name);
            Trigger b = haveTriggers.get(name);
            if (b == null) {
                changes.add(new SchemaChange.TriggerAdded(table, a));
            } else if (a == null) {
                changes.add(new SchemaChange.TriggerDropped(table, b));
            } else if (!Expressions.equivalent(a.definition(), b.definition()) || a.firing() != b.firing()
                    || !Objects.equals(a.comment(), b.comment())) {
                changes.add(new SchemaChange.TriggerAltered(table, a, b));
            }
        }
    }

    /** Rewrite rules of a table, or of a view present on both sides. */
    private void compareRules(QualifiedName table, List<Rule> want, List<Rule> have) {
        Map<String, Rule> wantRules = byName(want, Rule::name);
        Map<String, Rule> haveRules = byName(have, Rule::name);
        for (String name : union(wantRules, haveRules)) {
            Rule a = wantRules.get(name);
            Rule b = haveRules.get(name);
            if (b == null) {
                changes.add(new SchemaChange.RuleAdded(table, a));
            } else if (a == null) {
                changes.add(new SchemaChange.RuleDropped(table, b));
            } else if (!Expressions.equivalent(a.definition(), b.definition()) || a.firing() != b.firing()
                    || !Objects.equals(a.comment(), b.comment())) {
                changes.add(new SchemaChange.RuleAltered(table, a, b));
            }
        }
    }

    private void compareColumns(QualifiedName table, Table want, Table have, SerialColumns serials) {
        if (!want.parents().isEmpty() || !have.parents().isEmpty()) {
            compareChildColumns(table, want, have, serials);
            return;
        }
        Map<String, Column> wantColumns = byName(want.columns(), Column::name);
        Map<String, Column> haveColumns = byName(have.columns(), Column::name);
        for (Column column : want.columns()) {
            Column found = haveColumns.get(column.name());
            if (found == null) {
                changes.add(new SchemaChange.ColumnAdded(table, column));
            } else if (!column.equals(found)) {
                EnumSet<ColumnAspect> aspects = columnDifferences(
                        serials.comparable(table, column), serials.comparable(table, found));
                if (!aspects.isEmpty()) {
                    changes.add(new SchemaChange.ColumnAltered(table, column, found, aspects));
                }
            }
        }
        for (Column column : have.columns()) {
            if (!wantColumns.containsKey(column.name())) {
                changes.add(new SchemaChange.ColumnDropped(table, column));
            }
        }
    }

    /**
     * The columns of a partition or inheritance child, on either side. A column a parent gives it is added or
     * dropped with that parent's column (ALTER TABLE recurses), or comes and goes with the parent itself, so it
     * is compared with what the child has after those changes: a column that stays inherited from the same
     * parent can differ only in what the child may change (NOT NULL, default, comment), and only where a side
     * lists it (what the child inherits as it is follows the parent's own change). A column whose parent drops it
     * while the child keeps it, or that the child only inherits, is gone after the parent's change and added again.
     * Detaching (DETACH PARTITION, NO INHERIT) keeps every column, so a detached child's inherited columns are
     * compared with its expected ones like a plain table's.
     */
    private void compareChildColumns(QualifiedName table, Table want, Table have, SerialColumns serials) {
        Map<String, Column> wantAll = expectedColumns.all(table, want);
        Map<String, Column> haveAll = actualColumns.all(table, have);
        Map<String, Column> wantInherited = expectedColumns.inherited(want);
        Set<String> names = new LinkedHashSet<>(wantAll.keySet());
        names.addAll(haveAll.keySet());
        for (String name : names) {
            Column a = wantAll.get(name);
            Column b = haveAll.get(name);
            List<QualifiedName> providers = have.parents().stream().filter(p -> actualColumns.has(p, name)).toList();
            // a partition's columns are never its own, unless no parent in the model has them (one outside it)
            boolean local = have.column(name).isPresent() && (have.partitionOf() == null || providers.isEmpty());
            boolean survives = b != null && (local || providers.stream()
                    .anyMatch(p -> !want.parents().contains(p) || expectedColumns.has(p, name)));
            if (a != null && !survives) {
                boolean fromNewParent = want.parents().stream()
                        .anyMatch(p -> !have.parents().contains(p) && expectedColumns.has(p, name));
                if (!wantInherited.containsKey(name) || fromNewParent) {
                    changes.add(new SchemaChange.ColumnAdded(table, a));
                }
            } else if (a == null && survives) {
                changes.add(new SchemaChange.ColumnDropped(table, b));
            } else if (a != null && survives && !a.equals(b)) {
                EnumSet<ColumnAspect> aspects = columnDifferences(
                        childSpelling(serials, expectedColumns, table, want, a), childSpelling(serials, actualColumns, table, have, b));
                if (providers.stream().anyMatch(want.parents()::contains)) {
                    if (want.column(name).isEmpty() && have.column(name).isEmpty()) {
                        aspects.clear();
                    }
                    aspects.retainAll(EnumSet.of(ColumnAspect.NULLABILITY, ColumnAspect.DEFAULT, ColumnAspect.COMMENT,
                            ColumnAspect.STORAGE, ColumnAspect.COMPRESSION));
                }
                if (!aspects.isEmpty()) {
                    changes.add(new SchemaChange.ColumnAltered(table, a, b, aspects));
                }
            }
        }
    }

    /** A child's column spelled as serial when its default draws from the sequence of the table that declares it. */
    private static Column childSpelling(SerialColumns serials, InheritedColumns columns, QualifiedName table,
                                        Table definition, Column column) {
        for (QualifiedName declaring : columns.declaredIn(table, definition, column.name())) {
            Column spelled = serials.comparable(declaring, column);
            if (!spelled.equals(column)) {
                return spelled;
            }
        }
        return serials.comparable(table, column);
    }

    static EnumSet<ColumnAspect> columnDifferences(Column want, Column have) {
        EnumSet<ColumnAspect> aspects = EnumSet.noneOf(ColumnAspect.class);
        if (!want.type().sameTypeAs(have.type())) {
            aspects.add(ColumnAspect.TYPE);
        }
        if (want.nullable() != have.nullable()) {
            aspects.add(ColumnAspect.NULLABILITY);
        }
        if (!Expressions.equivalent(want.defaultExpression(), have.defaultExpression())) {
            aspects.add(ColumnAspect.DEFAULT);
        }
        if (!sameIdentity(want, have)) {
            aspects.add(ColumnAspect.IDENTITY);
        }
        if (!Expressions.equivalent(want.generatedExpression(), have.generatedExpression())) {
            aspects.add(ColumnAspect.GENERATED);
        }
        if (!Objects.equals(want.collation(), have.collation())) {
            aspects.add(ColumnAspect.COLLATION);
        }
        if (!Objects.equals(want.comment(), have.comment())) {
            aspects.add(ColumnAspect.COMMENT);
        }
        if (want.storage() != have.storage()) {
            aspects.add(ColumnAspect.STORAGE);
        }
        if (want.compression() != have.compression()) {
            aspects.add(ColumnAspect.COMPRESSION);
        }
        return aspects;
    }

    private static boolean sameIdentity(Column want, Column have) {
        Identity a = want.identity();
        Identity b = have.identity();
        if (a == null || b == null) {
            return a == b;
        }
        return a.generation() == b.generation()
                && a.sequence().normalizedFor(want.type()).equals(b.sequence().normalizedFor(have.type()));
    }

    private void compareConstraints(QualifiedName table, Table want, Table have) {
        Map<String, Constraint> wantConstraints = byName(want.constraints(), Constraint::name);
        Map<String, Constraint> haveConstraints = byName(have.constraints(), Constraint::name);
        for (QualifiedName parent : have.parents()) {
            if (!want.parents().contains(parent)) {
                checksGivenBy(parent, new HashSet<>()).forEach(check -> haveConstraints.putIfAbsent(check.name(), check));
            }
        }
        for (String name : union(wantConstraints, haveConstraints)) {
            Constraint a = wantConstraints.get(name);
            Constraint b = haveConstraints.get(name);
            if (b == null) {
                changes.add(new SchemaChange.ConstraintAdded(table, a));
            } else if (a == null) {
                changes.add(new SchemaChange.ConstraintDropped(table, b));
            } else if (!sameConstraint(a, b)) {
                changes.add(new SchemaChange.ConstraintAltered(table, a, b));
            } else {
                if (notValidated(a, b)) {
                    changes.add(new SchemaChange.ConstraintNotValidated(table, a));
                }
                if (!Objects.equals(want.constraintComment(name), have.constraintComment(name))) {
                    changes.add(new SchemaChange.ConstraintCommentChanged(table, name, want.constraintComment(name),
                            have.constraintComment(name)));
                }
            }
        }
    }

    /**
     * The CHECK constraints a table inheriting from {@code parent} gets from it: DETACH PARTITION and NO INHERIT
     * leave them on the table as its own, so a table that leaves the parent is compared with them.
     */
    private List<CheckConstraint> checksGivenBy(QualifiedName parent, Set<QualifiedName> seen) {
        Table table = seen.add(parent) ? actual.table(parent).orElse(null) : null;
        if (table == null) {
            return List.of();
        }
        List<CheckConstraint> checks = new ArrayList<>(table.checkConstraints().stream().filter(c -> !c.noInherit()).toList());
        table.parents().forEach(grandparent -> checks.addAll(checksGivenBy(grandparent, seen)));
        return checks;
    }

    static boolean sameConstraint(Constraint a, Constraint b) {
        if (a instanceof PrimaryKey pa && b instanceof PrimaryKey pb) {
            return pa.columns().equals(pb.columns());
        }
        if (a instanceof UniqueConstraint ua && b instanceof UniqueConstraint ub) {
            return ua.equals(ub);
        }
        if (a instanceof ForeignKey fa && b instanceof ForeignKey fb) {
            return fa.withNotValid(false).equals(fb.withNotValid(false));
        }
        if (a instanceof CheckConstraint ca && b instanceof CheckConstraint cb) {
            return ca.noInherit() == cb.noInherit() && Expressions.equivalent(ca.expression(), cb.expression());
        }
        if (a instanceof ExclusionConstraint ea && b instanceof ExclusionConstraint eb) {
            return Expressions.equivalent(ea.definition(), eb.definition());
        }
        return false;
    }

    private void compareIndexes(QualifiedName table, Table want, Table have) {
        Map<String, Index> wantIndexes = byName(want.indexes(), Index::name);
        Map<String, Index> haveIndexes = byName(have.indexes(), Index::name);
        for (String name : union(wantIndexes, haveIndexes)) {
            Index a = wantIndexes.get(name);
            Index b = haveIndexes.get(name);
            if (b == null) {
                changes.add(new SchemaChange.IndexAdded(table, a));
            } else if (a == null) {
                changes.add(new SchemaChange.IndexDropped(table, b));
            } else if (!sameIndex(a, b)) {
                changes.add(new SchemaChange.IndexAltered(table, a, b));
            } else {
                if (!sameParameters(a.storageParameters(), b.storageParameters())) {
                    changes.add(new SchemaChange.IndexStorageParametersChanged(table, name, a.storageParameters(),
                            b.storageParameters()));
                }
                if (!Objects.equals(a.comment(), b.comment())) {
                    changes.add(new SchemaChange.IndexCommentChanged(table, name, a.comment(), b.comment()));
                }
            }
        }
    }

    /** Storage parameters are a set: their order in pg_class.reloptions is the order they were set in. */
    static boolean sameParameters(List<String> a, List<String> b) {
        return a.size() == b.size() && new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b));
    }

    /** Whether {@code have} is NOT VALID where {@code want} is expected to hold for every row. */
    static boolean notValidated(Constraint want, Constraint have) {
        return notValid(have) && !notValid(want);
    }

    private static boolean notValid(Constraint constraint) {
        return constraint instanceof CheckConstraint check && check.notValid()
                || constraint instanceof ForeignKey foreignKey && foreignKey.notValid();
    }

    /** The same index apart from storage parameters and comment, which change in place. */
    static boolean sameIndex(Index a, Index b) {
        if (a.valid() != b.valid() || a.unique() != b.unique() || !a.method().equals(b.method()) || a.nullsNotDistinct() != b.nullsNotDistinct()
                || !a.include().equals(b.include()) || !Expressions.equivalent(a.predicate(), b.predicate())
                || a.keys().size() != b.keys().size()) {
            return false;
        }
        for (int i = 0; i < a.keys().size(); i++) {
            IndexKey x = a.keys().get(i);
            IndexKey y = b.keys().get(i);
            if (!Objects.equals(x.column(), y.column()) || !Expressions.equivalent(x.expression(), y.expression())
                    || x.descending() != y.descending() || x.nullsFirst() != y.nullsFirst()
                    || !Objects.equals(x.opclass(), y.opclass())) {
                return false;
            }
        }
        return true;
    }

    private void comparePolicies(QualifiedName table, Table want, Table have) {
        Map<String, Policy> wantPolicies = byName(want.policies(), Policy::name);
        Map<String, Policy> havePolicies = byName(have.policies(), Policy::name);
        for (String name : union(wantPolicies, havePolicies)) {
            Policy a = wantPolicies.get(name);
            Policy b = havePolicies.get(name);
            if (b == null) {
                changes.add(new SchemaChange.PolicyAdded(table, a));
            } else if (a == null) {
                changes.add(new SchemaChange.PolicyDropped(table, b));
            } else if (!samePolicy(a, b)) {
                changes.add(new SchemaChange.PolicyAltered(table, a, b));
            }
        }
    }

    static boolean samePolicy(Policy a, Policy b) {
        return a.permissive() == b.permissive() && a.command() == b.command()
                && new TreeSet<>(a.roles()).equals(new TreeSet<>(b.roles()))
                && Expressions.equivalent(a.using(), b.using())
                && Expressions.equivalent(a.withCheck(), b.withCheck());
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new HashMap<>(2 * items.size());
        for (T item : items) {
            map.put(name.apply(item), item);
        }
        return map;
    }

    /** The names in either map, sorted, so that changes come in name order. */
    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> names = new ArrayList<>(a.size() + b.size());
        names.addAll(a.keySet());
        for (String name : b.keySet()) {
            if (!a.containsKey(name)) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }
}
