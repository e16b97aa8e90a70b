package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.sql.PlanLedger.PartRef;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static dev.schemaguard.sql.PlanContext.*;
import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Foreign-data wrappers, servers and foreign table options.
 */
final class ForeignDataPlanner extends ConcernPlanner {

    ForeignDataPlanner(Planners planners) {
        super(planners);
    }

    /**
     * Dropping a server or wrapper deletes nothing itself, but it can only run once the foreign tables on it are
     * dropped, which are held back without drops allowed: then so is the server (or wrapper) drop.
     */
    private Set<Hazard> serverDropHazards(String server) {
        return foreignTablesOn(actual, server).isEmpty() ? NONE : DELETES;
    }

    private Set<Hazard> wrapperDropHazards(String wrapper) {
        return actual.foreignServers().stream().filter(s -> s.wrapper().equals(wrapper))
                .anyMatch(s -> !serverDropHazards(s.name()).isEmpty()) ? DELETES : NONE;
    }

    void wrapperAdded(SchemaChange.ForeignDataWrapperAdded w) {
        PlanGroup group = group().add(PlanPhase.CREATE_FOREIGN_DATA_WRAPPERS, DdlForeignData.createWrapper(w.wrapper()),
                Kind.CREATE, NONE, "create foreign-data wrapper " + w.wrapper().name());
        if (w.wrapper().comment() != null) {
            group.add(PlanPhase.COMMENTS, DdlForeignData.commentOnWrapper(w.wrapper()), Kind.CREATE, NONE,
                    "comment on foreign-data wrapper " + w.wrapper().name());
        }
    }

    void wrapperDropped(SchemaChange.ForeignDataWrapperDropped w) {
        group().add(PlanPhase.DROP_FOREIGN_DATA_WRAPPERS, DdlForeignData.dropWrapper(w.wrapper()), Kind.DROP,
                wrapperDropHazards(w.wrapper().name()), "drop foreign-data wrapper " + w.wrapper().name()
                        + " (fails while servers schemaguard does not see use it)");
    }

    void wrapperAltered(SchemaChange.ForeignDataWrapperAltered w) {
        String alter = DdlForeignData.alterWrapper(w.expected(), w.actual());
        if (alter != null) {
            group().add(PlanPhase.CREATE_FOREIGN_DATA_WRAPPERS, alter, Kind.ALTER, NONE,
                    "alter foreign-data wrapper " + w.expected().name());
        }
        if (!Objects.equals(w.expected().comment(), w.actual().comment())) {
            group().add(PlanPhase.COMMENTS, DdlForeignData.commentOnWrapper(w.expected()), Kind.ALTER, NONE,
                    "set the comment on foreign-data wrapper " + w.expected().name());
        }
    }

    void serverAdded(SchemaChange.ForeignServerAdded s) {
        planServerCreate(group(), s.server(), Kind.CREATE);
    }

    void serverDropped(SchemaChange.ForeignServerDropped s) {
        group().add(PlanPhase.DROP_SERVERS, DdlForeignData.dropServer(s.server()), Kind.DROP,
                serverDropHazards(s.server().name()), "drop server " + s.server().name()
                        + " (fails while user mappings for it exist: schemaguard does not model them)");
    }

    /** Another wrapper or type: dropped and created again, with its foreign tables (see {@link PlanSurvey}). */
    void serverAltered(SchemaChange.ForeignServerAltered s) {
        if (s.needsRecreation()) {
            PlanGroup group = group().add(PlanPhase.DROP_SERVERS, DdlForeignData.dropServer(s.actual()), Kind.DROP,
                    serverDropHazards(s.actual().name()), "drop server " + s.actual().name()
                            + " to create it with another wrapper or type (its foreign tables are re-created)");
            planServerCreate(group, s.expected(), Kind.ALTER);
            return;
        }
        String alter = DdlForeignData.alterServer(s.expected(), s.actual());
        if (alter != null) {
            group().add(PlanPhase.CREATE_SERVERS, alter, Kind.ALTER, NONE, "alter server " + s.expected().name());
        }
        if (!Objects.equals(s.expected().comment(), s.actual().comment())) {
            group().add(PlanPhase.COMMENTS, DdlForeignData.commentOnServer(s.expected()), Kind.ALTER, NONE,
                    "set the comment on server " + s.expected().name());
        }
    }

    private void planServerCreate(PlanGroup group, ForeignServer server, Kind kind) {
        group.add(PlanPhase.CREATE_SERVERS, DdlForeignData.createServer(server), kind, NONE, "create server " + server.name());
        if (server.comment() != null) {
            group.add(PlanPhase.COMMENTS, DdlForeignData.commentOnServer(server), kind, NONE, "comment on server " + server.name());
        }
    }

    /** Options of a foreign table that stays on its server, and of its columns that stay (dropped ones go with them). */
    void planForeignTableOptions(SchemaChange.ForeignTableChanged f) {
        String table = DdlForeignData.alterTableOptions(f.table(), f.expected().options(), f.actual().options());
        if (table != null) {
            group().add(PlanPhase.FOREIGN_TABLE_OPTIONS, table, Kind.ALTER, NONE, "set the options of foreign table " + f.table());
        }
        TreeSet<String> columns = new TreeSet<>(f.expected().columnOptions().keySet());
        columns.addAll(f.actual().columnOptions().keySet());
        columns.removeIf(column -> ledger.dropsColumn(new PartRef(f.table(), column)));
        String columnOptions = DdlForeignData.alterColumnOptions(f.table(), f.expected(), f.actual(), List.copyOf(columns));
        if (columnOptions != null) {
            group().add(PlanPhase.FOREIGN_TABLE_OPTIONS, columnOptions, Kind.ALTER, NONE,
                    "set the options of the columns of foreign table " + f.table());
        }
    }
}
