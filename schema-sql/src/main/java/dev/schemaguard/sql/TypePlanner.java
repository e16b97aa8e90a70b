package dev.schemaguard.sql;

import dev.schemaguard.diff.Expressions;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaObject;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.View;
import dev.schemaguard.sql.PlanLedger.PartRef;
import dev.schemaguard.sql.PlanStatement.Cause;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static dev.schemaguard.sql.PlanContext.*;
import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Sequences, enums, domains, composite and range types, collations: created, altered in place where PostgreSQL
 * can, otherwise built anew under a temporary name with every column converted; dropped once the tables and
 * columns that use them are.
 */
final class TypePlanner extends ConcernPlanner {

    /** Drops of types, collations and sequences, planned once the table and column drops are (see {@link PlanLedger#dataDropOf}). */
    private final List<Runnable> deferredDrops = new ArrayList<>();

    TypePlanner(Planners planners) {
        super(planners);
    }

    /** A new sequence, type or collation, with its ownership and comments. */
    void objectAdded(String schema, SchemaObject object) {
        QualifiedName name = QualifiedName.of(schema, object.name());
        String what = object.kind() + " " + name;
        ledger.createdObject(objectRef(schema, object), cause());
        PlanGroup group = group().add(createPhase(object), DdlObjects.create(schema, object), Kind.CREATE, NONE, "create " + what);
        if (object instanceof Sequence sequence && sequence.ownedByTable() != null) {
            group.add(PlanPhase.SEQUENCE_OWNERSHIP, DdlObjects.sequenceOwnedBy(name, sequence), Kind.CREATE, NONE,
                    "make " + what + " owned by " + sequence.ownedByTable() + "." + sequence.ownedByColumn());
        }
        if (object.comment() != null) {
            group.add(PlanPhase.COMMENTS, DdlObjects.comment(schema, object, object.comment()), Kind.CREATE, NONE, "comment on " + what);
        }
        if (object instanceof Domain domain) {
            planDomainConstraintComments(group, name, domain, Map.of(), Set.of(), Kind.CREATE);
        }
    }

    /** Planned once every table and column drop is ({@link #planDeferredDrops}), unless its owning column takes it along. */
    void objectDropped(String schema, SchemaObject object) {
        QualifiedName name = QualifiedName.of(schema, object.name());
        ObjectRef ref = objectRef(schema, object);
        if (object instanceof Sequence sequence && sequence.ownedByTable() != null
                && (ledger.dropsTable(QualifiedName.of(schema, sequence.ownedByTable()))
                || ledger.dropsColumn(new PartRef(QualifiedName.of(schema, sequence.ownedByTable()), sequence.ownedByColumn())))) {
            return; // PostgreSQL drops it with the column that owns it
        }
        PlanPhase phase = dropPhase(object);
        // once every table and column drop is planned: held back with the drop of one that still uses it
        Cause dropCause = cause();
        deferredDrops.add(() -> because(dropCause, () -> {
            PlanGroup dataDrop = dataDropUsing(ref);
            (dataDrop != null ? dataDrop.joinedBy(cause()) : group()).add(phase, DdlObjects.drop(schema, object), Kind.DROP,
                    NONE, "drop " + object.kind() + " " + name);
        }));
    }

    /** The drops of types, collations and sequences, once every table and column drop is planned. */
    void planDeferredDrops() {
        deferredDrops.forEach(Runnable::run);
    }

    /** Returns true when the object is built anew (which sets its comment too). */
    boolean objectAltered(String schema, SchemaObject want, SchemaObject have) {
        QualifiedName name = QualifiedName.of(schema, want.name());
        if (want instanceof Sequence w && have instanceof Sequence h) {
            planSequenceAlter(name, w, h);
        } else if (want instanceof EnumType w && have instanceof EnumType h) {
            planEnumAlter(name, w, h);
        } else if (want instanceof Domain w && have instanceof Domain h) {
            return planDomainAlter(name, w, h);
        } else if (want instanceof CompositeType w && have instanceof CompositeType h) {
            planCompositeAlter(name, w, h);
        } else if (want instanceof RangeType w && have instanceof RangeType h && !w.withComment(null).equals(h.withComment(null))) {
            group().add(PlanPhase.DROP_ROUTINES, DdlObjects.drop(schema, h), Kind.DROP, MAY_FAIL,
                    "drop range type " + name + " to re-create it (fails while columns or functions use it: schemaguard"
                            + " does not convert them)")
                    .add(PlanPhase.CREATE_COMPOSITES, DdlObjects.create(schema, w), Kind.ALTER, NONE, "re-create range type " + name);
            if (w.comment() != null) {
                group().add(PlanPhase.COMMENTS, DdlObjects.comment(schema, w, w.comment()), Kind.ALTER, NONE,
                        "comment on range type " + name);
            }
            return true;
        } else if (want instanceof Collation w && have instanceof Collation h && !w.sameDefinitionAs(h)) {
            planCollationRebuild(name, w);
            return true;
        }
        return false;
    }

    /**
     * COMMENT ON CONSTRAINT of the domain's checks whose comment differs from {@code have}'s, or whose check is
     * (re-)added by the plan ({@code added}): a check comes back without one.
     */
    private void planDomainConstraintComments(PlanGroup group, QualifiedName name, Domain want, Map<String, String> have,
                                              Set<String> added, Kind kind) {
        for (CheckConstraint check : want.checks()) {
            String comment = want.constraintComment(check.name());
            boolean fresh = added.contains(check.name());
            if (fresh ? comment != null : !Objects.equals(comment, have.get(check.name()))) {
                group.add(PlanPhase.COMMENTS, DdlObjects.commentOnDomainConstraint(name, check.name(), comment), kind, NONE,
                        (comment == null ? "remove the comment on check " : "comment on check ") + check.name() + " of domain " + name);
            }
        }
    }

    private PlanPhase createPhase(SchemaObject object) {
        if (object instanceof Sequence) {
            return PlanPhase.CREATE_SEQUENCES;
        }
        if (object instanceof Collation) {
            return PlanPhase.CREATE_COLLATIONS;
        }
        if (object instanceof EnumType) {
            return PlanPhase.CREATE_ENUMS;
        }
        if (object instanceof Domain domain) {
            return overCompositeOrRange(domain) ? PlanPhase.CREATE_DOMAINS_ON_TYPES : PlanPhase.CREATE_DOMAINS;
        }
        return PlanPhase.CREATE_COMPOSITES;
    }

    /** The reverse of {@link #createPhase}: what uses a type goes before it. */
    private PlanPhase dropPhase(SchemaObject object) {
        if (object instanceof Sequence) {
            return PlanPhase.DROP_SEQUENCES;
        }
        if (object instanceof Collation) {
            return PlanPhase.DROP_COLLATIONS;
        }
        if (object instanceof EnumType) {
            return PlanPhase.DROP_ENUMS;
        }
        if (object instanceof Domain domain) {
            return overCompositeOrRange(domain, actual) ? PlanPhase.DROP_DOMAINS_ON_TYPES : PlanPhase.DROP_DOMAINS;
        }
        return PlanPhase.DROP_TYPES;
    }

    private boolean overCompositeOrRange(Domain domain) {
        return overCompositeOrRange(domain, expected);
    }

    /** Whether the domain's base type is a composite or range type of {@code model} (unqualified: any schema). */
    private static boolean overCompositeOrRange(Domain domain, Database model) {
        DataType base = domain.baseType();
        return model.schemas().stream()
                .filter(s -> base.schema() == null || s.name().equals(base.schema()))
                .anyMatch(s -> s.compositeTypes().stream().anyMatch(c -> c.name().equals(base.name()))
                        || s.rangeTypes().stream().anyMatch(r -> r.name().equals(base.name())));
    }

    private void planSequenceAlter(QualifiedName name, Sequence want, Sequence have) {
        String alter = DdlObjects.alterSequence(name, want, have);
        PlanGroup group = group();
        if (alter != null) {
            group.add(PlanPhase.CREATE_SEQUENCES, alter, Kind.ALTER, MAY_FAIL, alter.endsWith(" RESTART")
                    ? "turn sequence " + name + " around and restart it at its new start (values it hands out next"
                            + " may repeat values it handed out before)"
                    : "change the options of sequence " + name + " (fails if its current value lies outside the new bounds)");
        }
        if (!Objects.equals(want.ownedByTable(), have.ownedByTable()) || !Objects.equals(want.ownedByColumn(), have.ownedByColumn())) {
            group.add(PlanPhase.SEQUENCE_OWNERSHIP, DdlObjects.sequenceOwnedBy(name, want), Kind.ALTER, NONE,
                    want.ownedByTable() == null ? "make sequence " + name + " owned by no column"
                            : "make sequence " + name + " owned by " + want.ownedByTable() + "." + want.ownedByColumn());
        }
    }

    /**
     * New values are added in place ({@code ADD VALUE ... BEFORE/AFTER}) when every existing value keeps its
     * position; a removed or reordered value needs a new type and every column converted to it.
     */
    private void planEnumAlter(QualifiedName name, EnumType want, EnumType have) {
        List<String> kept = want.values().stream().filter(have.values()::contains).toList();
        if (!kept.equals(have.values())) {
            boolean removes = !want.values().containsAll(have.values());
            planTypeRebuild(name, want, removes, removes ? "drops values " + have.values().stream()
                    .filter(v -> !want.values().contains(v)).toList() + " (rows holding them make the plan fail)" : "reorders its values");
            return;
        }
        PlanGroup group = group();
        for (int i = 0; i < want.values().size(); i++) {
            String value = want.values().get(i);
            if (have.values().contains(value)) {
                continue;
            }
            String sql = i > 0 ? DdlObjects.addEnumValue(name, value, "AFTER", want.values().get(i - 1))
                    : DdlObjects.addEnumValue(name, value, "BEFORE", have.values().get(0));
            String caveat = usesLiteral(value) ? " (note: PostgreSQL refuses to use a new enum value in the transaction that"
                    + " added it, and a default, check or view of this plan uses '" + value + "': apply the plan in two steps)" : "";
            group.add(PlanPhase.CREATE_ENUMS, sql, Kind.ALTER, NONE, "add value '" + value + "' to enum " + name + caveat);
        }
    }

    /** Whether a default or check of the expected model mentions {@code 'value'}. */
    private boolean usesLiteral(String value) {
        String literal = Identifiers.literal(value);
        for (Schema schema : expected.schemas()) {
            for (Table table : schema.tables()) {
                for (Column column : table.columns()) {
                    if (column.defaultExpression() != null && column.defaultExpression().contains(literal)) {
                        return true;
                    }
                }
                for (CheckConstraint check : table.checkConstraints()) {
                    if (check.expression().contains(literal)) {
                        return true;
                    }
                }
            }
            for (View view : schema.views()) {
                if (view.definition().contains(literal)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The columns of {@code table} a type rebuild converts on it: its own, and those it inherits from a parent it
     * leaves in this plan (NO INHERIT runs first; the parent's conversion then no longer reaches the child).
     */
    private List<Column> columnsToConvert(QualifiedName name, Table table) {
        List<Column> columns = new ArrayList<>(table.columns());
        Set<QualifiedName> keptParents = expected.table(name).map(t -> Set.copyOf(t.parents())).orElse(Set.of());
        for (QualifiedName parent : table.parents()) {
            if (keptParents.contains(parent)) {
                continue;
            }
            for (Column inherited : allColumns(actual, parent, new HashSet<>())) {
                if (columns.stream().noneMatch(c -> c.name().equals(inherited.name()))) {
                    columns.add(inherited);
                }
            }
        }
        return columns;
    }

    /**
     * The old type is renamed out of the way, the expected one created, every column of the actual database of
     * that type converted through text, and the old type dropped. Views, checks, routines and other dependents
     * of the type and of those columns are dropped before and re-created after (see {@link DependentsPlanner}).
     */
    private void planTypeRebuild(QualifiedName name, SchemaObject want, boolean losesValues, String why) {
        PlanPhase phase = want instanceof Domain ? PlanPhase.CREATE_DOMAINS : PlanPhase.CREATE_ENUMS;
        String keyword = DdlObjects.keyword(want);
        String oldName = Identifiers.defaultName(want.name(), "schemaguard", "old");
        PlanGroup group = group()
                .add(phase, (keyword.equals("DOMAIN") ? "ALTER DOMAIN " + name.sql() + " RENAME TO " + Identifiers.quote(oldName)
                        : DdlObjects.renameType(name, oldName)), Kind.ALTER, NONE,
                        "rename " + want.kind() + " " + name + " to " + oldName + ": the expected one " + why)
                .add(phase, DdlObjects.create(name.schema(), want), Kind.ALTER, NONE, "create " + want.kind() + " " + name + " as expected");
        if (want.comment() != null) {
            group.add(PlanPhase.COMMENTS, DdlObjects.comment(name.schema(), want, want.comment()), Kind.ALTER, NONE,
                    "comment on " + want.kind() + " " + name);
        }
        if (want instanceof Domain domain) {
            planDomainConstraintComments(group, name, domain, Map.of(), Set.of(), Kind.ALTER);
        }
        Set<Hazard> hazards = losesValues
                ? EnumSet.of(Hazard.DELETES_DATA, Hazard.MAY_FAIL_ON_EXISTING_ROWS, Hazard.REWRITES_TABLE) : REWRITES;
        for (Schema schema : actual.schemas()) {
            for (Table table : schema.tables()) {
                QualifiedName tableName = QualifiedName.of(schema.name(), table.name());
                if (goesAway(tableName)) {
                    continue;
                }
                for (Column column : columnsToConvert(tableName, table)) {
                    DataType type = column.type().elementType();
                    if (type.isBuiltIn() || !type.name().equals(want.name()) || !Objects.equals(type.schema(), name.schema())
                            || goesAway(tableName, column.name())) {
                        continue;
                    }
                    String target = name.sql() + (column.type().isArray() ? "[]" : "");
                    String via = column.type().isArray() ? "text[]" : "text";
                    String columnName = tableName + "." + column.name();
                    if (column.defaultExpression() != null) {
                        group.add(PlanPhase.ALTER_COLUMNS, DdlRenderer.alterColumn(tableName, column.name(), "DROP DEFAULT"), Kind.ALTER,
                                NONE, "drop the default of " + columnName + " while its type changes");
                    }
                    group.add(PlanPhase.ALTER_COLUMNS, DdlRenderer.alterColumn(tableName, column.name(), "TYPE " + target
                                    + (context.isForeignTable(tableName) ? "" : " USING " + Identifiers.quote(column.name()) + "::"
                                    + via + "::" + target)), Kind.ALTER, hazards,
                            "convert " + columnName + " to the new " + want.kind() + " " + name);
                    String newDefault = expected.table(tableName).flatMap(t -> t.column(column.name()))
                            .map(Column::defaultExpression).orElse(null);
                    if (newDefault != null) {
                        group.add(PlanPhase.ALTER_COLUMNS, DdlRenderer.alterColumn(tableName, column.name(), "SET DEFAULT " + newDefault),
                                Kind.ALTER, NONE, "set the default of " + columnName + " again");
                    }
                    touch(ObjectRef.column(tableName, column.name()));
                }
            }
        }
        if (want.comment() != null) { // the comment stays with the renamed old type
            group.add(PlanPhase.COMMENTS, DdlObjects.comment(name.schema(), want, want.comment()), Kind.ALTER, NONE,
                    "comment on " + want.kind() + " " + name);
        }
        group.add(PlanPhase.DROP_TYPES, "DROP " + keyword + " " + QualifiedName.of(name.schema(), oldName).sql(), Kind.DROP, NONE,
                "drop the old " + want.kind() + " " + name.schema() + "." + oldName);
        touch(ObjectRef.of(ObjectRef.Kind.TYPE, name.schema(), want.name()));
        ledger.createdObject(ObjectRef.of(ObjectRef.Kind.TYPE, name.schema(), want.name()), cause());
    }

    /** A table this plan drops, or drops and re-creates: converting its columns first would be wasted or fail. */
    private boolean goesAway(QualifiedName table) {
        return options.allowDrops() && ledger.dropsTable(table);
    }

    /**
     * A column this plan drops, for good or to add it again with a new generation expression: converting it would
     * fail, since the drop comes first (the column added again has the expected type already).
     */
    private boolean goesAway(QualifiedName table, String column) {
        return options.allowDrops() && ledger.dropsColumn(new PartRef(table, column));
    }

    /**
     * PostgreSQL cannot change a collation in place. The old one is renamed out of the way, the expected one
     * created, every column of the actual database that uses the old one moved to the new one, and the old one
     * dropped; indexes, views and checks using it are dropped before and re-created after (see
     * {@link DependentsPlanner}). The final drop fails while a domain or composite type still uses the old one.
     */
    private void planCollationRebuild(QualifiedName name, Collation want) {
        String oldName = Identifiers.defaultName(want.name(), "schemaguard", "old");
        QualifiedName old = QualifiedName.of(name.schema(), oldName);
        PlanGroup group = group()
                .add(PlanPhase.CREATE_COLLATIONS, DdlObjects.renameCollation(name, oldName), Kind.ALTER, NONE,
                        "rename collation " + name + " to " + oldName + ": the expected one is defined differently,"
                                + " which PostgreSQL cannot change in place")
                .add(PlanPhase.CREATE_COLLATIONS, DdlObjects.create(name.schema(), want), Kind.ALTER, NONE,
                        "create collation " + name + " as expected");
        Set<Hazard> hazards = want.deterministic() ? NONE : MAY_FAIL;
        for (Schema schema : actual.schemas()) {
            for (Table table : schema.tables()) {
                QualifiedName tableName = QualifiedName.of(schema.name(), table.name());
                if (goesAway(tableName) || table.partitionOf() != null) {
                    continue; // dropped anyway, or a partition: ALTER COLUMN on its parent changes it too
                }
                for (Column column : table.columns()) {
                    ObjectRef columnRef = ObjectRef.column(tableName, column.name());
                    // A column the plan drops is left alone, but moves too when its drop is skipped; a column the
                    // diff retypes gets the expected collation by name.
                    boolean dropped = ledger.dropsColumn(new PartRef(tableName, column.name()));
                    if (!usesCollation(column, name) || (dropped ? options.allowDrops() : ledger.isTouched(columnRef))) {
                        continue;
                    }
                    group.add(PlanPhase.ALTER_COLUMNS, DdlRenderer.alterColumn(tableName, column.name(),
                                    "TYPE " + column.type().storageType().sql() + " COLLATE " + name.sql()), Kind.ALTER, hazards,
                            "move " + tableName + "." + column.name() + " to the new collation " + name
                                    + (want.deterministic() ? "" : " (fails if a unique index holds values it compares equal)"));
                    touch(columnRef);
                }
            }
        }
        if (want.comment() != null) {
            group.add(PlanPhase.COMMENTS, DdlObjects.comment(name.schema(), want, want.comment()), Kind.ALTER, NONE,
                    "comment on collation " + name);
        }
        group.add(PlanPhase.DROP_COLLATIONS, "DROP COLLATION " + old.sql(), Kind.DROP, NONE, "drop the old collation " + old
                + " (fails while a domain or composite type still uses it)");
        touch(ObjectRef.of(ObjectRef.Kind.COLLATION, name.schema(), want.name()));
    }

    /** Whether the column's collation, as SQL ({@code public."numeric"}), is {@code collation}. */
    private static boolean usesCollation(Column column, QualifiedName collation) {
        if (column.collation() == null) {
            return false;
        }
        List<String> parts = Identifiers.splitQualified(column.collation(), true);
        return parts.size() == 2 && parts.get(0).equals(collation.schema()) && parts.get(1).equals(collation.name());
    }

    /** Returns whether the domain is built anew (with its comments). */
    private boolean planDomainAlter(QualifiedName name, Domain want, Domain have) {
        if (!want.baseType().sameTypeAs(have.baseType()) || !Objects.equals(want.collation(), have.collation())) {
            boolean widening = Objects.equals(want.collation(), have.collation()) && DdlTypeChanges.isWidening(have.baseType(), want.baseType());
            planTypeRebuild(name, want, !widening, "has base type " + want.baseType().sql() + " instead of " + have.baseType().sql()
                    + (Objects.equals(want.collation(), have.collation()) ? "" : " or another collation"));
            return true;
        }
        PlanGroup group = group();
        String what = "domain " + name;
        if (!Expressions.equivalent(want.defaultExpression(), have.defaultExpression())) {
            group.add(PlanPhase.CREATE_DOMAINS, DdlObjects.alterDomain(name, want.defaultExpression() == null ? "DROP DEFAULT"
                    : "SET DEFAULT " + want.defaultExpression()), Kind.ALTER, NONE, "change the default of " + what);
        }
        if (want.notNull() != have.notNull()) {
            group.add(PlanPhase.CREATE_DOMAINS, DdlObjects.alterDomain(name, want.notNull() ? "SET NOT NULL" : "DROP NOT NULL"), Kind.ALTER,
                    want.notNull() ? MAY_FAIL : NONE, (want.notNull() ? "forbid" : "allow") + " nulls in " + what);
        }
        Map<String, CheckConstraint> wantChecks = new TreeMap<>();
        want.checks().forEach(c -> wantChecks.put(c.name(), c));
        for (CheckConstraint check : have.checks()) {
            CheckConstraint replacement = wantChecks.get(check.name());
            if (replacement == null || !Expressions.equivalent(replacement.expression(), check.expression())) {
                group.add(PlanPhase.CREATE_DOMAINS, DdlObjects.alterDomain(name, "DROP CONSTRAINT " + Identifiers.quote(check.name())),
                        Kind.ALTER, NONE, "drop check " + check.name() + " of " + what);
            }
        }
        Set<String> added = new HashSet<>();
        for (CheckConstraint check : want.checks()) {
            CheckConstraint existing = have.checks().stream().filter(c -> c.name().equals(check.name())).findFirst().orElse(null);
            if (existing == null || !Expressions.equivalent(existing.expression(), check.expression())) {
                group.add(PlanPhase.CREATE_DOMAINS, DdlObjects.alterDomain(name, "ADD " + DdlObjects.domainCheck(check)), Kind.ALTER,
                        MAY_FAIL, "add check " + check.name() + " to " + what + " (fails if a stored value violates it)");
                added.add(check.name());
            }
        }
        planDomainConstraintComments(group, name, want, have.constraintComments(), added, Kind.ALTER);
        return false;
    }

    /**
     * Attributes dropped, added and changed in place. PostgreSQL adds an attribute at the end and cannot move one:
     * when the expected order cannot be reached that way, the attributes from the first misplaced one on are dropped
     * and added again in order, which loses their values in columns of the type (held back unless drops are allowed).
     */
    private void planCompositeAlter(QualifiedName name, CompositeType want, CompositeType have) {
        PlanGroup group = group();
        List<String> wantNames = want.attributes().stream().map(CompositeType.Attribute::name).toList();
        List<String> kept = have.attributes().stream().map(CompositeType.Attribute::name).filter(wantNames::contains).toList();
        int firstMisplaced = 0;
        while (firstMisplaced < kept.size() && kept.get(firstMisplaced).equals(wantNames.get(firstMisplaced))) {
            firstMisplaced++;
        }
        Set<String> readded = new HashSet<>(firstMisplaced < kept.size() ? wantNames.subList(firstMisplaced, wantNames.size()) : List.of());
        for (CompositeType.Attribute attribute : have.attributes()) {
            if (!wantNames.contains(attribute.name())) {
                group.add(PlanPhase.CREATE_COMPOSITES, DdlObjects.dropAttribute(name, attribute.name()), Kind.DROP, DELETES,
                        "drop attribute " + attribute.name() + " of composite type " + name + " (and its values in columns of that type)");
            } else if (readded.contains(attribute.name())) {
                group.add(PlanPhase.CREATE_COMPOSITES, DdlObjects.dropAttribute(name, attribute.name()), Kind.DROP, DELETES,
                        "drop attribute " + attribute.name() + " of composite type " + name + " to add it again at its"
                                + " declared place (PostgreSQL cannot move an attribute; its values in columns of that type are lost)");
            }
        }
        for (CompositeType.Attribute attribute : want.attributes()) {
            CompositeType.Attribute existing = have.attributes().stream().filter(a -> a.name().equals(attribute.name()))
                    .findFirst().orElse(null);
            if (existing == null || readded.contains(attribute.name())) {
                group.add(PlanPhase.CREATE_COMPOSITES, DdlObjects.addAttribute(name, attribute), Kind.ALTER, NONE,
                        "add attribute " + attribute.name() + " to composite type " + name);
            } else if (!existing.type().sameTypeAs(attribute.type()) || !Objects.equals(existing.collation(), attribute.collation())) {
                group.add(PlanPhase.CREATE_COMPOSITES, DdlObjects.alterAttributeType(name, attribute), Kind.ALTER, MAY_FAIL,
                        "change the type of attribute " + attribute.name() + " of composite type " + name
                                + " (fails while a table column has this type)");
            }
        }
    }
}
