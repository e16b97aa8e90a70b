package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.sql.PlanStatement.Cause;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static dev.schemaguard.sql.PlanContext.*;
import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Grants and revokes, once every object exists.
 */
final class GrantPlanner extends ConcernPlanner {

    GrantPlanner(Planners planners) {
        super(planners);
    }

    /**
     * GRANT and REVOKE, once every object exists. The diff's grant changes are planned as they are, except on
     * objects the expected schema does not have (they are dropped, and their grants with them). An object this
     * plan creates, or drops and creates again, starts with PostgreSQL's default privileges whatever the actual
     * database had, so every expected grant on it is planned; GRANT and REVOKE change nothing when the privilege
     * is already as wanted, so planning one too many is harmless.
     */
    void planGrants(SchemaDiff diff) {
        Set<Grant.Key> planned = new HashSet<>();
        for (SchemaChange change : diff.changes()) {
            planningFor(new Cause.Planned(change));
            if (change instanceof SchemaChange.GrantAdded added) {
                planGrant(added.grant());
                planned.add(added.grant().key());
            } else if (change instanceof SchemaChange.GrantOptionChanged option) {
                Grant want = option.expected();
                String sql = startsFresh(want.on()) ? DdlGrants.apply(want) : DdlGrants.grantOption(want);
                group().add(grantPhase(sql), sql, Kind.ALTER, NONE, (want.withGrantOption() ? "add the grant option to " : "take the grant option from ")
                                + privilegeOn(want) + " of " + want.grantee());
                planned.add(want.key());
            } else if (change instanceof SchemaChange.GrantDropped dropped && existsInExpected(dropped.grant().on())
                    && !startsFresh(dropped.grant().on())) {
                Grant have = dropped.grant();
                String sql = DdlGrants.undo(have);
                group().add(grantPhase(sql), sql, have.revoked() ? Kind.ALTER : Kind.DROP, NONE,
                        have.revoked() ? "grant the default " + privilegeOn(have) + " to " + have.grantee() + " again"
                                : "revoke " + privilegeOn(have) + " from " + have.grantee());
            }
        }
        for (Schema schema : expected.schemas()) {
            for (Grant grant : schema.grants()) {
                Cause fresh = planned.contains(grant.key()) ? null : freshCause(grant.on());
                if (fresh != null) {
                    planningFor(new Cause.Dependent(fresh.change(), "the plan creates " + Grant.kindWord(grant.on()) + " "
                            + Grant.objectName(grant.on()) + " anew, with PostgreSQL's default privileges"));
                    planGrant(grant);
                }
            }
        }
        planningFor(null);
    }

    /**
     * Revokes run before grants: revoking a privilege on a table takes it from every column too, so a column
     * grant of the same privilege must come after.
     */
    private static PlanPhase grantPhase(String sql) {
        return sql.startsWith("REVOKE") ? PlanPhase.REVOKES : PlanPhase.GRANTS;
    }

    private void planGrant(Grant grant) {
        String sql = DdlGrants.apply(grant);
        group().add(grantPhase(sql), sql, grant.revoked() ? Kind.ALTER : Kind.CREATE, NONE,
                grant.revoked() ? "revoke the default " + privilegeOn(grant) + " from " + grant.grantee()
                        : "grant " + grant.describe());
    }

    /** {@code SELECT on table public.orders}. */
    private static String privilegeOn(Grant grant) {
        return grant.privilege() + " on " + Grant.kindWord(grant.on()) + " " + Grant.objectName(grant.on());
    }

    /** Whether the object has PostgreSQL's default privileges once the plan has run: the plan creates it (again). */
    private boolean startsFresh(ObjectRef on) {
        return freshCause(on) != null;
    }

    /** Why the plan creates the object (again), so that it starts with PostgreSQL's default privileges; or null. */
    private Cause freshCause(ObjectRef on) {
        String schema = on.kind() == ObjectRef.Kind.SCHEMA ? on.name() : on.schema();
        if (ledger.schemaAddition(schema) != null) {
            return ledger.schemaAddition(schema);
        }
        return switch (on.kind()) {
            case TABLE -> createdTable(tableOf(on));
            case COLUMN -> firstOf(createdTable(tableOf(on)), ledger.columnRecreation(on),
                    recreated(ObjectRef.of(ObjectRef.Kind.VIEW, on.schema(), on.name())),
                    recreated(ObjectRef.of(ObjectRef.Kind.MATERIALIZED_VIEW, on.schema(), on.name())));
            case VIEW, MATERIALIZED_VIEW, ROUTINE -> recreated(on);
            case SEQUENCE -> firstOf(ledger.objectCreation(on), ledger.tablesToCreate().entrySet().stream()
                    .filter(t -> serialSequences(t.getKey(), t.getValue()).contains(on.name()))
                    .map(t -> ledger.tableCause(t.getKey())).findFirst().orElse(null));
            case TYPE -> ledger.objectCreation(on);
            default -> null;
        };
    }

    private Cause createdTable(QualifiedName table) {
        return ledger.createsTable(table) ? ledger.tableCause(table) : null;
    }

    private static Cause firstOf(Cause... causes) {
        return Arrays.stream(causes).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Why the plan creates a view or routine, or drops and creates it again (not one replaced in place); or null. */
    private Cause recreated(ObjectRef ref) {
        return ledger.creates(ref) && (ledger.isNew(ref) || ledger.dropsDependent(ref)) ? ledger.creates().get(ref) : null;
    }

    /** Whether the expected schema has the object, so that grants on it are kept up to date rather than dropped with it. */
    private boolean existsInExpected(ObjectRef on) {
        Schema schema = expected.schema(on.kind() == ObjectRef.Kind.SCHEMA ? on.name() : on.schema()).orElse(null);
        if (schema == null) {
            return false;
        }
        return switch (on.kind()) {
            case SCHEMA -> true;
            case TABLE -> schema.table(on.name()).isPresent();
            case COLUMN -> schema.table(on.name()).filter(t -> hasColumn(t, on.member(), new HashSet<>())).isPresent()
                    || schema.views().stream().anyMatch(v -> v.name().equals(on.name()));
            case VIEW, MATERIALIZED_VIEW -> view(expected, on).isPresent();
            case ROUTINE -> routineOrAggregate(expected, on).isPresent();
            case SEQUENCE -> schema.sequences().stream().anyMatch(q -> q.name().equals(on.name()))
                    || schema.tables().stream().anyMatch(t -> serialSequences(QualifiedName.of(schema.name(), t.name()), t)
                    .contains(on.name()));
            case TYPE -> schema.enums().stream().anyMatch(t -> t.name().equals(on.name()))
                    || schema.domains().stream().anyMatch(t -> t.name().equals(on.name()))
                    || schema.compositeTypes().stream().anyMatch(t -> t.name().equals(on.name()))
                    || schema.rangeTypes().stream().anyMatch(t -> t.name().equals(on.name()));
            default -> false;
        };
    }

    /**
     * Whether the expected table has the column, listed or given by a parent: an inheritance child lists only the
     * columns it declares itself, yet a grant on an inherited column of it is the child's.
     */
    private boolean hasColumn(Table table, String column, Set<QualifiedName> seen) {
        if (table.column(column).isPresent()) {
            return true;
        }
        for (QualifiedName parent : table.parents()) {
            if (seen.add(parent) && expected.table(parent).filter(p -> hasColumn(p, column, seen)).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
