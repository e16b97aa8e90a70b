package dev.schemaguard.sql;

import dev.schemaguard.diff.Expressions;
import dev.schemaguard.diff.SchemaChange.ColumnAspect;
import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SerialColumns;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;
import dev.schemaguard.sql.PlanLedger.PartRef;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.schemaguard.sql.PlanContext.*;
import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Columns: added, dropped, altered (type, default, NOT NULL, identity, serial, generation, storage), and re-created
 * with the indexes and constraints PostgreSQL drops with them.
 */
final class ColumnPlanner extends ConcernPlanner {

    /** The helper check names this plan uses (see {@link #notNullHelperName}). */
    private final Set<String> notNullHelpers = new HashSet<>();

    ColumnPlanner(Planners planners) {
        super(planners);
    }

    void columnDropped(SchemaChange.ColumnDropped c) {
        ledger.dropsData(ObjectRef.column(c.table(), c.column().name()), group().add(isChild(actual, c.table())
                        ? PlanPhase.DROP_CHILD_COLUMNS : PlanPhase.DROP_COLUMNS,
                DdlRenderer.dropColumn(c.table(), c.column().name()), Kind.DROP, DELETES,
                "drop column " + c.table() + "." + c.column().name() + " and its data"));
    }

    void planColumnAdd(PlanGroup group, QualifiedName table, Column column, Kind kind) {
        Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
        boolean filledByDatabase = column.identity() != null || column.type().isSerial() || column.generatedExpression() != null;
        if (!column.nullable() && column.defaultExpression() == null && !filledByDatabase) {
            hazards.add(Hazard.MAY_FAIL_ON_EXISTING_ROWS);
        }
        if (filledByDatabase || callsVolatileFunction(column.defaultExpression())) {
            hazards.add(Hazard.REWRITES_TABLE);
        }
        String name = table + "." + column.name();
        group.add(PlanPhase.ADD_COLUMNS, DdlRenderer.addColumn(table, column), kind, hazards, "add column " + name);
        planColumnStorage(group, table, column, column.storage() != null, column.compression() != null, kind);
        if (column.comment() != null) {
            group.add(PlanPhase.COMMENTS, DdlRenderer.commentOnColumn(table, column.name(), column.comment()), kind, NONE,
                    "comment on column " + name);
        }
    }

    /**
     * Built-in (and uuid-ossp) functions that PostgreSQL marks volatile: a new column whose default calls one is
     * filled row by row, which rewrites the table; a stable or immutable default is stored once (PostgreSQL 11+).
     * A user function's volatility is not in the model, so its default is taken as not rewriting.
     */
    private static final Set<String> VOLATILE_FUNCTIONS = Set.of("random", "random_normal", "gen_random_uuid",
            "clock_timestamp", "timeofday", "nextval", "setseed", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4");

    static boolean callsVolatileFunction(String expression) {
        if (expression == null) {
            return false;
        }
        List<SqlLexer.Token> tokens;
        try {
            tokens = SqlLexer.tokens(expression);
        } catch (SqlTextException e) {
            return false;
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlLexer.Token token = tokens.get(i);
            if (token.kind() == SqlLexer.Kind.WORD && VOLATILE_FUNCTIONS.contains(token.folded())
                    && tokens.get(i + 1).kind() == SqlLexer.Kind.OPEN_PAREN) {
                return true;
            }
        }
        return false;
    }

    /** A generated column whose expression is added or changed: PostgreSQL 13-16 can only drop and re-add it. */
    static boolean needsRecreation(SchemaChange.ColumnAltered change) {
        return change.aspects().contains(ColumnAspect.GENERATED) && change.expected().generatedExpression() != null;
    }

    void planColumnAlter(SchemaChange.ColumnAltered change) {
        QualifiedName table = change.table();
        SerialColumns serials = SerialColumns.between(expected, actual, table.schema());
        Column want = serials.comparable(table, change.expected());
        Column have = serials.comparable(table, change.actual());
        Set<ColumnAspect> aspects = change.aspects();
        if (needsRecreation(change)) {
            planColumnRecreation(group(), table, want, "with the expected generation expression");
            return;
        }
        String column = want.name();
        String name = table + "." + column;
        PlanGroup steps = group();
        if (aspects.contains(ColumnAspect.GENERATED)) {
            steps.add(PlanPhase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, column, "DROP EXPRESSION"), Kind.ALTER, NONE,
                    "make " + name + " a plain column (keeps the stored values)");
        }
        boolean retype = (aspects.contains(ColumnAspect.TYPE) && !want.type().storageType().sameTypeAs(have.type().storageType()))
                || aspects.contains(ColumnAspect.COLLATION);
        Set<Hazard> typeHazards = typeChangeHazards(have, want, aspects);
        // a child's default and NOT NULL after its parents' (which recurse), unless its type changes too
        PlanPhase alter = isChild(expected, table) && !retype ? PlanPhase.ALTER_CHILD_COLUMNS : PlanPhase.ALTER_COLUMNS;
        boolean retypeApplied = retype && (options.allowDrops() || !typeHazards.contains(Hazard.DELETES_DATA));
        boolean dropDefault = have.defaultExpression() != null && (aspects.contains(ColumnAspect.DEFAULT) || retypeApplied);
        boolean serialToPlain = have.type().isSerial() && !want.type().isSerial();
        boolean plainToSerial = !have.type().isSerial() && want.type().isSerial();
        QualifiedName sequence = QualifiedName.of(table.schema(), SerialColumns.sequenceName(table, want));
        if (dropDefault || serialToPlain) {
            steps.add(alter, DdlRenderer.alterColumn(table, column, "DROP DEFAULT"), Kind.ALTER, NONE,
                    "drop the default of " + name + (dropDefault && want.defaultExpression() != null ? " (set again below)" : ""));
        }
        if (serialToPlain) {
            steps.add(PlanPhase.ALTER_COLUMNS, "DROP SEQUENCE IF EXISTS " + sequence.sql(), Kind.DROP, NONE,
                    "drop sequence " + sequence + ", which numbered serial column " + name);
        }
        if (aspects.contains(ColumnAspect.IDENTITY) && have.identity() != null && want.identity() == null) {
            steps.add(PlanPhase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, column, "DROP IDENTITY"), Kind.ALTER, NONE,
                    "make " + name + " a plain column instead of an identity");
        }
        if (retype) {
            planRetype(table, want, have, typeHazards, sequence);
        }
        if (aspects.contains(ColumnAspect.NULLABILITY)) {
            if (want.nullable()) {
                steps.add(alter, DdlRenderer.alterColumn(table, column, "DROP NOT NULL"), Kind.ALTER, NONE,
                        "allow nulls in " + name);
            } else if (online(table)) {
                planSetNotNullOnline(steps, alter, table, column);
            } else {
                steps.add(alter, DdlRenderer.alterColumn(table, column, "SET NOT NULL"), Kind.ALTER, MAY_FAIL,
                        "forbid nulls in " + name + " (fails if a row holds null)");
            }
        }
        if (want.defaultExpression() != null && (dropDefault || aspects.contains(ColumnAspect.DEFAULT))) {
            steps.add(alter, DdlRenderer.alterColumn(table, column, "SET DEFAULT " + want.defaultExpression()),
                    Kind.ALTER, NONE, "set the default of " + name);
        }
        if (plainToSerial) {
            planSerialSequence(steps, table, want, sequence);
        }
        if (!want.type().isSerial() && !have.type().isSerial()) {
            planChildOverrides(steps, table, want, aspects);
        }
        if (aspects.contains(ColumnAspect.IDENTITY) && want.identity() != null) {
            planIdentity(steps, table, want, have);
        }
        if (aspects.contains(ColumnAspect.COMMENT)) {
            steps.add(PlanPhase.COMMENTS, DdlRenderer.commentOnColumn(table, column, want.comment()), Kind.ALTER, NONE,
                    "set the comment on column " + name);
        }
        // a type change gives the column its new type's storage and the default compression
        planColumnStorage(steps, table, want, aspects.contains(ColumnAspect.STORAGE) || (retype && want.storage() != null),
                aspects.contains(ColumnAspect.COMPRESSION) || (retype && want.compression() != null), Kind.ALTER);
    }

    /**
     * Online SET NOT NULL: a helper {@code CHECK (column IS NOT NULL) NOT VALID} (no scan), validated under SHARE
     * UPDATE EXCLUSIVE (a scan that blocks no writes), which lets {@code SET NOT NULL} skip its own scan under ACCESS
     * EXCLUSIVE (PostgreSQL 12 and later), then the helper dropped again. The helper's name is one the table and the
     * plan use for nothing else.
     */
    private void planSetNotNullOnline(PlanGroup steps, PlanPhase alter, QualifiedName table, String column) {
        String name = table + "." + column;
        String helper = notNullHelperName(table, column);
        CheckConstraint check = new CheckConstraint(helper, Identifiers.quote(column) + " IS NOT NULL", false, true, null);
        steps.add(alter, DdlRenderer.addConstraint(table, check), Kind.ALTER, NONE,
                        "add helper check " + helper + " NOT VALID, proving " + name + " holds no null once validated")
                .add(alter, DdlRenderer.validateConstraint(table, helper), Kind.ALTER, MAY_FAIL,
                        "validate helper check " + helper + " (scans the rows without blocking writes; fails if a row"
                                + " holds null in " + name + ")")
                .add(alter, DdlRenderer.alterColumn(table, column, "SET NOT NULL"), Kind.ALTER, NONE,
                        "forbid nulls in " + name + " (no scan: the validated helper check proves it)")
                .add(alter, DdlRenderer.dropConstraint(table, helper), Kind.ALTER, NONE,
                        "drop helper check " + helper + " (the column is NOT NULL now)");
    }

    /**
     * {@code table_column_not_null_helper}, shortened to 63 bytes as PostgreSQL's own names are, with a number added
     * until no constraint of the table, before or after the plan, and no other helper of this plan has it.
     */
    private String notNullHelperName(QualifiedName table, String column) {
        Set<String> taken = new HashSet<>(notNullHelpers);
        for (Database side : List.of(actual, expected)) {
            side.table(table).ifPresent(t -> t.constraints().forEach(c -> taken.add(c.name())));
            side.table(table).ifPresent(t -> t.indexes().forEach(i -> taken.add(i.name())));
        }
        String name = Identifiers.defaultName(table.name(), column, "not_null_helper");
        for (int n = 1; taken.contains(name); n++) {
            name = Identifiers.defaultName(table.name(), column, "not_null_helper" + n);
        }
        notNullHelpers.add(name);
        return name;
    }

    /** SET STORAGE and SET COMPRESSION of a column, after its type is final (they change no stored value). */
    void planColumnStorage(PlanGroup steps, QualifiedName table, Column want, boolean storage, boolean compression,
                                   Kind kind) {
        String name = table + "." + want.name();
        if (storage) {
            Column.Storage word = want.storage() != null ? want.storage() : TypeStorage.of(want.type(), expected).orElse(null);
            steps.add(PlanPhase.STORAGE_PARAMETERS, DdlRenderer.alterColumn(table, want.name(), "SET STORAGE "
                            + (word != null ? word.sql() : "DEFAULT")), kind, NONE,
                    want.storage() != null ? "store " + name + " " + word.sql() + " (applies to values written from now on)"
                            : "store " + name + " as its type does" + (word != null ? "" : " (SET STORAGE DEFAULT needs PostgreSQL 16)"));
        }
        if (compression) {
            steps.add(PlanPhase.STORAGE_PARAMETERS, DdlRenderer.alterColumn(table, want.name(), "SET COMPRESSION "
                            + (want.compression() != null ? want.compression().sql() : "DEFAULT")), kind, NONE,
                    "compress " + name + " with " + (want.compression() != null ? want.compression().sql()
                            : "the server's default_toast_compression") + " (applies to values written from now on)");
        }
    }

    /**
     * A parent's SET DEFAULT, DROP DEFAULT and DROP NOT NULL reach its children too (ALTER TABLE recurses): what a
     * child that stays its child sets itself on the column is set again afterwards, unless the diff changes it.
     */
    private void planChildOverrides(PlanGroup steps, QualifiedName parent, Column want, Set<ColumnAspect> aspects) {
        for (Schema schema : expected.schemas()) {
            for (Table child : schema.tables()) {
                if (!child.parents().contains(parent)) {
                    continue;
                }
                QualifiedName name = QualifiedName.of(schema.name(), child.name());
                Column own = child.column(want.name()).orElse(null);
                boolean staysChild = actual.table(name).map(t -> t.parents().contains(parent)).orElse(false);
                if (own == null || !staysChild || ledger.altersColumn(new PartRef(name, own.name()))) {
                    continue;
                }
                String column = name + "." + own.name();
                if (aspects.contains(ColumnAspect.DEFAULT) && !Expressions.equivalent(own.defaultExpression(), want.defaultExpression())) {
                    steps.add(PlanPhase.ALTER_CHILD_COLUMNS, DdlRenderer.alterColumn(name, own.name(),
                                    own.defaultExpression() == null ? "DROP DEFAULT" : "SET DEFAULT " + own.defaultExpression()),
                            Kind.ALTER, NONE, "keep the own default of " + column + " after its parent's changes");
                }
                if (aspects.contains(ColumnAspect.NULLABILITY) && want.nullable() && !own.nullable()) {
                    steps.add(PlanPhase.ALTER_CHILD_COLUMNS, DdlRenderer.alterColumn(name, own.name(), "SET NOT NULL"),
                            Kind.ALTER, NONE, "keep " + column + " NOT NULL after its parent allows nulls");
                }
            }
        }
    }

    private static Set<Hazard> typeChangeHazards(Column have, Column want, Set<ColumnAspect> aspects) {
        if (!aspects.contains(ColumnAspect.TYPE)) {
            return NONE; // a collation change keeps every value and only rebuilds indexes
        }
        if (!DdlTypeChanges.isWidening(have.type(), want.type())) {
            return EnumSet.of(Hazard.DELETES_DATA, Hazard.MAY_FAIL_ON_EXISTING_ROWS, Hazard.REWRITES_TABLE);
        }
        return DdlTypeChanges.isCoercibleWithoutRewrite(have.type(), want.type()) ? NONE : REWRITES;
    }

    /** The type (and collation) change in a group of its own, so that a skipped narrowing leaves the rest intact. */
    private void planRetype(QualifiedName table, Column want, Column have, Set<Hazard> hazards, QualifiedName sequence) {
        String column = Identifiers.quote(want.name());
        String type = want.type().storageType().sql();
        String collate = want.collation() != null ? " COLLATE " + Identifiers.collation(want.collation())
                : have.collation() != null ? " COLLATE \"default\"" : "";
        String name = table + "." + want.name();
        boolean foreign = context.isForeignTable(table);
        if (foreign) {
            hazards = NONE; // a foreign table stores no rows to convert, and takes no USING
        }
        String description = (hazards.contains(Hazard.DELETES_DATA)
                ? "change the type of " + name + " from " + have.type().sql() + " to " + type + " (may lose or reject values)"
                : "change the type of " + name + " from " + have.type().sql() + " to " + type + collate);
        PlanGroup group = group().add(PlanPhase.ALTER_COLUMNS,
                DdlRenderer.alterColumn(table, want.name(), "TYPE " + type + collate + (foreign ? "" : " USING "
                        + DdlTypeChanges.conversion(column, have.type(), want.type()))),
                Kind.ALTER, hazards, description);
        if (want.type().isSerial() && have.type().isSerial()) {
            group.add(PlanPhase.ALTER_COLUMNS, "ALTER SEQUENCE " + sequence.sql() + " AS " + type, Kind.ALTER, NONE,
                    "change the type of sequence " + sequence + " to match " + name);
        }
    }

    /** integer to serial: a sequence owned by the column, started after the largest existing value. */
    private void planSerialSequence(PlanGroup steps, QualifiedName table, Column want, QualifiedName sequence) {
        String column = Identifiers.quote(want.name());
        String name = table + "." + want.name();
        steps.add(PlanPhase.ALTER_COLUMNS, "CREATE SEQUENCE IF NOT EXISTS " + sequence.sql() + " AS " + want.type().storageType().sql()
                        + " OWNED BY " + table.sql() + "." + column, Kind.ALTER, NONE,
                "create sequence " + sequence + " for serial column " + name);
        steps.add(PlanPhase.ALTER_COLUMNS, "SELECT setval(" + Identifiers.literal(sequence.sql()) + ", coalesce(max(" + column
                        + "), 0) + 1, false) FROM " + table.sql(), Kind.ALTER, NONE,
                "start sequence " + sequence + " after the largest value in " + name);
        steps.add(PlanPhase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, want.name(),
                        "SET DEFAULT nextval(" + Identifiers.literal(sequence.sql()) + "::regclass)"), Kind.ALTER, NONE,
                "number new rows of " + name + " from sequence " + sequence);
    }

    private void planIdentity(PlanGroup steps, QualifiedName table, Column want, Column have) {
        String name = table + "." + want.name();
        Identity identity = want.identity();
        if (have.identity() == null) {
            steps.add(PlanPhase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, want.name(), "ADD " + DdlRenderer.identityClause(identity)),
                    Kind.ALTER, NONE, "make " + name + " an identity column (numbering starts afresh; existing values are kept)");
            return;
        }
        List<String> changes = new ArrayList<>();
        if (identity.generation() != have.identity().generation()) {
            changes.add("SET GENERATED " + identity.generation().sql());
        }
        SequenceOptions a = identity.sequence().normalizedFor(want.type());
        SequenceOptions b = have.identity().sequence().normalizedFor(have.type());
        if (!Objects.equals(a.increment(), b.increment())) {
            changes.add("SET INCREMENT BY " + a.effectiveIncrement());
        }
        if (!Objects.equals(a.minValue(), b.minValue())) {
            changes.add(a.minValue() == null ? "SET NO MINVALUE" : "SET MINVALUE " + a.minValue());
        }
        if (!Objects.equals(a.maxValue(), b.maxValue())) {
            changes.add(a.maxValue() == null ? "SET NO MAXVALUE" : "SET MAXVALUE " + a.maxValue());
        }
        if (!Objects.equals(a.start(), b.start())) {
            changes.add("SET START WITH " + (a.start() != null ? a.start() : defaultStart(a)));
        }
        if (!Objects.equals(a.cache(), b.cache())) {
            changes.add("SET CACHE " + (a.cache() == null ? 1 : a.cache()));
        }
        if (a.cycle() != b.cycle()) {
            changes.add(a.cycle() ? "SET CYCLE" : "SET NO CYCLE");
        }
        if (!changes.isEmpty()) {
            steps.add(PlanPhase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, want.name(), String.join(" ", changes)), Kind.ALTER, NONE,
                    "change the identity of " + name);
        }
    }

    /** PostgreSQL's START default: MINVALUE for ascending sequences, MAXVALUE for descending ones. */
    private static long defaultStart(SequenceOptions normalized) {
        if (normalized.effectiveIncrement() > 0) {
            return normalized.minValue() != null ? normalized.minValue() : 1;
        }
        return normalized.maxValue() != null ? normalized.maxValue() : -1;
    }

    /**
     * Drops the column and adds it back as expected, with the indexes and constraints on it that PostgreSQL drops
     * together with the column (unless the diff re-creates them anyway).
     */
    void planColumnRecreation(PlanGroup group, QualifiedName table, Column want, String how) {
        String name = table + "." + want.name();
        ledger.recreateColumn(ObjectRef.column(table, want.name()), group.cause());
        group.add(PlanPhase.DROP_COLUMNS, DdlRenderer.dropColumn(table, want.name()), Kind.DROP, DELETES,
                "drop column " + name + " and its data, to re-create it " + how);
        planColumnAdd(group, table, want, Kind.ALTER);
        Table expectedTable = expected.table(table).orElse(null);
        if (expectedTable == null) {
            return;
        }
        Pattern mention = mentionOf(want.name());
        for (Constraint constraint : expectedTable.constraints()) {
            if (ledger.isChangedByDiff(new PartRef(table, constraint.name())) || !uses(constraint, want.name(), mention)) {
                continue;
            }
            if (constraint instanceof ForeignKey fk) {
                foreignKeys().planForeignKeyAdd(group, table, fk, Kind.ALTER);
            } else {
                parts().planConstraintStatements(group, table, constraint, Kind.ALTER, "re-create ");
            }
        }
        for (Index index : expectedTable.indexes()) {
            if (onColumn(index, want.name(), mention) && !ledger.isChangedByDiff(new PartRef(table, index.name()))) {
                parts().planIndexCreate(group, table, index, Kind.ALTER);
            }
        }
    }

    /** {@code mention} finds the column, quoted where it needs it, in an expression. */
    static Pattern mentionOf(String column) {
        return Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(Identifiers.quote(column)) + "(?![A-Za-z0-9_$])");
    }

    /** Whether the index covers, includes or mentions the column: dropping the column drops it. */
    static boolean onColumn(Index index, String column, Pattern mention) {
        return index.include().contains(column)
                || index.keys().stream().anyMatch(k -> column.equals(k.column())
                || (k.isExpression() && mention.matcher(k.expression()).find()))
                || (index.predicate() != null && mention.matcher(index.predicate()).find());
    }

    private static boolean uses(Constraint constraint, String column, Pattern mention) {
        if (constraint instanceof PrimaryKey pk) {
            return pk.columns().contains(column);
        }
        if (constraint instanceof UniqueConstraint unique) {
            return unique.columns().contains(column);
        }
        if (constraint instanceof ForeignKey fk) {
            return fk.columns().contains(column);
        }
        return mention.matcher(((CheckConstraint) constraint).expression()).find();
    }
}
