package dev.schemaguard.sql;

import dev.schemaguard.model.Cast;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Table;
import dev.schemaguard.sql.PlanStatement.Cause;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a plan creates, drops and touches, as the concern planners record it, each with the change that causes
 * it: the state the planners share, behind named operations. A planner records here what another one (or a later
 * pass) must know — a table dropped, a column re-created, a view to create again once the changes are made — and
 * reads what the others recorded.
 */
final class PlanLedger {

    /** A constraint, index or column by table and name. */
    record PartRef(QualifiedName table, String name) {
    }

    /** An object dropped before the changes: why (for its description) and the cause its statements get. */
    record Move(String reason, Cause cause) {
    }

    /** A foreign key to add (anew or again) after the tables and keys exist. */
    record ForeignKeyAdd(Kind kind, Cause cause) {
    }

    // tables
    private final Map<QualifiedName, Table> tablesToCreate = new TreeMap<>();
    private final Set<QualifiedName> tablesToDrop = new HashSet<>();
    /** Why each table of {@link #tablesToCreate} and {@link #tablesToDrop} is created or dropped. */
    private final Map<QualifiedName, Cause> tableCauses = new HashMap<>();
    /** Tables dropped and created again because their partitioning changes, with the group that does it. */
    private final Map<QualifiedName, PlanGroup> rebuiltTables = new HashMap<>();
    /** Partitions and inheritance children to drop, with the group each belongs to. */
    private final Map<QualifiedName, PlanGroup> childTableDrops = new LinkedHashMap<>();
    /** The groups that drop a table or a column (with its data), so that a drop that needs them gone joins them. */
    private final Map<ObjectRef, PlanGroup> dataDrops = new HashMap<>();

    // columns, constraints and indexes
    /** Columns the plan drops: for good, or to add them again with a new generation expression. */
    private final Set<PartRef> droppedColumns = new HashSet<>();
    /** Columns whose default or NOT NULL the diff changes. */
    private final Set<PartRef> alteredColumns = new HashSet<>();
    private final Map<ObjectRef, Cause> recreatedColumns = new HashMap<>();
    /** Constraints and indexes the diff adds or changes. */
    private final Set<PartRef> partsChangedByDiff = new HashSet<>();
    /** Constraints this plan adds (anew or again), which come without their comments. */
    private final Map<PartRef, Cause> createdConstraints = new TreeMap<>(
            Comparator.comparing((PartRef p) -> p.table().toString()).thenComparing(PartRef::name));
    private final Map<PartRef, Move> foreignKeyDrops = new LinkedHashMap<>();
    private final Map<PartRef, ForeignKeyAdd> foreignKeyAdds = new LinkedHashMap<>();

    // objects beside tables, and what must be dropped and re-created around a change PostgreSQL refuses otherwise
    /** Objects changed or dropped in a way their dependents must not be there for, with the change that does it. */
    private final Map<ObjectRef, Cause> touched = new LinkedHashMap<>();
    /** Views, triggers, routines, ... to drop before the changes, with why. */
    private final Map<ObjectRef, Move> dependentDrops = new LinkedHashMap<>();
    /** Views, triggers, routines, ... to create from the expected model after the changes, with why. */
    private final Map<ObjectRef, Cause> creates = new LinkedHashMap<>();
    /** Of {@link #creates}: those the actual database does not have at all (the rest are re-created). */
    private final Set<ObjectRef> newObjects = new HashSet<>();
    /** Views replaced in place with CREATE OR REPLACE VIEW. */
    private final Set<ObjectRef> replacedViews = new HashSet<>();
    /** Constraints, indexes, policies and column defaults the diff itself drops or sets again. */
    private final Set<ObjectRef> handledByDiff = new HashSet<>();
    /** Small changes to an object (enable a trigger, a materialized view's index) that its re-creation would include. */
    private final Map<ObjectRef, List<Runnable>> unlessRecreated = new LinkedHashMap<>();

    // what starts with PostgreSQL's default privileges after the plan, for the grants
    private final Map<String, Cause> addedSchemas = new HashMap<>();
    /** Sequences and types the plan creates, or (types) creates anew under their name. */
    private final Map<ObjectRef, Cause> createdObjects = new HashMap<>();
    /** Casts of the actual database the diff drops or changes. */
    private final Set<Cast> handledCasts = new HashSet<>();

    /** Of two causes for the same statement, a change that plans it itself wins over one it is a dependent of. */
    private static Cause stronger(Cause first, Cause second) {
        return first instanceof Cause.Dependent && second instanceof Cause.Planned ? second : first;
    }

    // ---- tables ----

    void createTable(QualifiedName name, Table table, Cause why) {
        tablesToCreate.put(name, table);
        tableCauses.putIfAbsent(name, why);
    }

    void dropTable(QualifiedName name, Cause why) {
        tablesToDrop.add(name);
        tableCauses.putIfAbsent(name, why);
    }

    /** The tables the plan creates (anew or again), by name. */
    Map<QualifiedName, Table> tablesToCreate() {
        return Collections.unmodifiableMap(tablesToCreate);
    }

    boolean createsTable(QualifiedName name) {
        return tablesToCreate.containsKey(name);
    }

    /** Whether the plan drops the table (for good, or to create it again). */
    boolean dropsTable(QualifiedName name) {
        return tablesToDrop.contains(name);
    }

    /** The tables the plan drops, by name. */
    List<QualifiedName> tablesToDrop() {
        return tablesToDrop.stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** Why the table is created or dropped. */
    Cause tableCause(QualifiedName name) {
        return tableCauses.get(name);
    }

    /** The table is dropped and created again by {@code group}. */
    void rebuildTable(QualifiedName name, PlanGroup group) {
        rebuiltTables.put(name, group);
    }

    boolean rebuildsTable(QualifiedName name) {
        return rebuiltTables.containsKey(name);
    }

    /** The group that drops and creates the table again, or null. */
    PlanGroup rebuildOf(QualifiedName name) {
        return rebuiltTables.get(name);
    }

    /** A partition or inheritance child to drop with {@code group}, once all drops are known. */
    void dropChildTable(QualifiedName name, PlanGroup group) {
        childTableDrops.put(name, group);
    }

    Map<QualifiedName, PlanGroup> childTableDrops() {
        return Collections.unmodifiableMap(childTableDrops);
    }

    /** {@code group} drops the table or column {@code ref} with its data. */
    void dropsData(ObjectRef ref, PlanGroup group) {
        dataDrops.put(ref, group);
    }

    /** The group dropping the table or column with its data, or null. */
    PlanGroup dataDropOf(ObjectRef ref) {
        return dataDrops.get(ref);
    }

    /** The tables and views the plan drops, or drops to create again. */
    Set<QualifiedName> relationsGoing() {
        Set<QualifiedName> going = new HashSet<>(tablesToDrop);
        going.addAll(rebuiltTables.keySet());
        dependentDrops.keySet().stream().filter(d -> d.kind() == ObjectRef.Kind.VIEW || d.kind() == ObjectRef.Kind.MATERIALIZED_VIEW)
                .forEach(view -> going.add(QualifiedName.of(view.schema(), view.name())));
        return going;
    }

    /** Whether the plan drops the view a part of {@code ref} belongs to (which takes the part along). */
    boolean dropsViewOf(ObjectRef part) {
        return dependentDrops.keySet().stream().anyMatch(d -> (d.kind() == ObjectRef.Kind.VIEW
                || d.kind() == ObjectRef.Kind.MATERIALIZED_VIEW) && d.schema().equals(part.schema()) && d.name().equals(part.name()));
    }

    // ---- columns, constraints and indexes ----

    void dropColumn(PartRef column) {
        droppedColumns.add(column);
    }

    boolean dropsColumn(PartRef column) {
        return droppedColumns.contains(column);
    }

    /** The diff changes the column's default or NOT NULL. */
    void alterColumn(PartRef column) {
        alteredColumns.add(column);
    }

    boolean altersColumn(PartRef column) {
        return alteredColumns.contains(column);
    }

    /** The column is dropped and added again, for {@code why}. */
    void recreateColumn(ObjectRef column, Cause why) {
        recreatedColumns.putIfAbsent(column, why);
    }

    Cause columnRecreation(ObjectRef column) {
        return recreatedColumns.get(column);
    }

    /** The diff adds or changes the constraint or index itself. */
    void changedByDiff(PartRef part) {
        partsChangedByDiff.add(part);
    }

    boolean isChangedByDiff(PartRef part) {
        return partsChangedByDiff.contains(part);
    }

    void createdConstraint(PartRef ref, Cause why) {
        createdConstraints.merge(ref, why, PlanLedger::stronger);
    }

    Map<PartRef, Cause> createdConstraints() {
        return Collections.unmodifiableMap(createdConstraints);
    }

    void dropForeignKey(PartRef ref, String reason, Cause why) {
        foreignKeyDrops.merge(ref, new Move(reason, why), (a, b) -> new Move(a.reason(), stronger(a.cause(), b.cause())));
    }

    Map<PartRef, Move> foreignKeyDrops() {
        return Collections.unmodifiableMap(foreignKeyDrops);
    }

    void addForeignKey(PartRef ref, Kind kind, Cause why) {
        foreignKeyAdds.merge(ref, new ForeignKeyAdd(kind, why), (a, b) -> new ForeignKeyAdd(a.kind(), stronger(a.cause(), b.cause())));
    }

    boolean addsForeignKey(PartRef ref) {
        return foreignKeyAdds.containsKey(ref);
    }

    /** The foreign keys to add, in the order they were recorded (a snapshot: adding more while iterating is fine). */
    Map<PartRef, ForeignKeyAdd> foreignKeyAdds() {
        return Collections.unmodifiableMap(foreignKeyAdds);
    }

    // ---- dependents ----

    /** The object changes or goes in a way its dependents must not be there for. */
    void touch(ObjectRef ref, Cause why) {
        touched.putIfAbsent(ref, why);
    }

    boolean isTouched(ObjectRef ref) {
        return touched.containsKey(ref);
    }

    /** Why the object is touched, or null. */
    Cause touchOf(ObjectRef ref) {
        return touched.get(ref);
    }

    Map<ObjectRef, Cause> touched() {
        return Collections.unmodifiableMap(touched);
    }

    /** The object is created (again) from the expected model once the changes are made. */
    void create(ObjectRef ref, Cause why) {
        creates.merge(ref, why, PlanLedger::stronger);
    }

    /** The object is created and the actual database does not have it at all. */
    void createNew(ObjectRef ref, Cause why) {
        create(ref, why);
        markNew(ref);
    }

    void markNew(ObjectRef ref) {
        newObjects.add(ref);
    }

    boolean isNew(ObjectRef ref) {
        return newObjects.contains(ref);
    }

    boolean creates(ObjectRef ref) {
        return creates.containsKey(ref);
    }

    Map<ObjectRef, Cause> creates() {
        return Collections.unmodifiableMap(creates);
    }

    /** The object is dropped before the changes, {@code reason} shown in the statement's description. */
    void dropDependent(ObjectRef ref, String reason, Cause why) {
        dependentDrops.merge(ref, new Move(reason, why), (a, b) -> new Move(a.reason(), stronger(a.cause(), b.cause())));
    }

    boolean dropsDependent(ObjectRef ref) {
        return dependentDrops.containsKey(ref);
    }

    /** The drop of the object before the changes, or null. */
    Move dependentDrop(ObjectRef ref) {
        return dependentDrops.get(ref);
    }

    Set<ObjectRef> dependentDrops() {
        return Collections.unmodifiableSet(dependentDrops.keySet());
    }

    void replaceView(ObjectRef view) {
        replacedViews.add(view);
    }

    boolean replacesView(ObjectRef view) {
        return replacedViews.contains(view);
    }

    /** The diff itself drops or sets the constraint, index, policy or column default again. */
    void handledByDiff(ObjectRef ref) {
        handledByDiff.add(ref);
    }

    boolean isHandledByDiff(ObjectRef ref) {
        return handledByDiff.contains(ref);
    }

    /** Plans {@code planning} once the dependents are known, unless the object is dropped and re-created anyway. */
    void unlessRecreated(ObjectRef ref, Runnable planning) {
        unlessRecreated.computeIfAbsent(ref, k -> new ArrayList<>()).add(planning);
    }

    /** Runs what {@link #unlessRecreated} deferred for the objects not dropped before the changes. */
    void runUnlessRecreated() {
        unlessRecreated.forEach((ref, planning) -> {
            if (!dependentDrops.containsKey(ref)) {
                planning.forEach(Runnable::run);
            }
        });
    }

    // ---- what starts with PostgreSQL's default privileges ----

    void addSchema(String name, Cause why) {
        addedSchemas.put(name, why);
    }

    /** Why the plan creates the schema, or null. */
    Cause schemaAddition(String name) {
        return addedSchemas.get(name);
    }

    /** The plan creates the sequence or type (anew, under its name). */
    void createdObject(ObjectRef ref, Cause why) {
        createdObjects.putIfAbsent(ref, why);
    }

    Cause objectCreation(ObjectRef ref) {
        return createdObjects.get(ref);
    }

    /** The diff drops or changes the cast. */
    void castHandledByDiff(Cast cast) {
        handledCasts.add(cast);
    }

    boolean isCastHandledByDiff(Cast cast) {
        return handledCasts.contains(cast);
    }
}
