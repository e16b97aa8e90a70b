package dev.schemaguard.sql;

import dev.schemaguard.diff.Publications;
import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.Publication;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Publications.
 */
final class PublicationPlanner extends ConcernPlanner {

    PublicationPlanner(Planners planners) {
        super(planners);
    }

    void publicationAdded(SchemaChange.PublicationAdded p) {
        PlanGroup group = group().add(PlanPhase.PUBLICATIONS, DdlPublications.create(p.publication()), Kind.CREATE, NONE,
                "create publication " + p.publication().name());
        if (p.publication().comment() != null) {
            group.add(PlanPhase.COMMENTS, DdlPublications.comment(p.publication()), Kind.CREATE, NONE,
                    "comment on publication " + p.publication().name());
        }
    }

    void publicationDropped(SchemaChange.PublicationDropped p) {
        group().add(PlanPhase.DROP_DEPENDENTS, DdlPublications.drop(p.publication()), Kind.DROP, STOPS_REPLICATION,
                "drop publication " + p.publication().name() + " (its subscribers stop receiving changes)");
    }

    /**
     * A publication changed member by member, so that tables it publishes outside the compared schemas are never
     * touched; FOR ALL TABLES, which cannot be altered, is dropped and created again.
     */
    void planPublicationAlter(Publication want, Publication have) {
        String name = "publication " + want.name();
        if (want.allTables() != have.allTables()) {
            group().add(PlanPhase.DROP_DEPENDENTS, DdlPublications.drop(have), Kind.DROP, STOPS_REPLICATION,
                            "drop " + name + " to create it " + (want.allTables() ? "FOR ALL TABLES" : "for its tables"))
                    .add(PlanPhase.PUBLICATIONS, DdlPublications.create(want), Kind.ALTER, NONE, "create " + name + " again");
            return;
        }
        Map<QualifiedName, Publication.Table> wantTables = new TreeMap<>();
        want.tables().forEach(t -> wantTables.put(t.table(), t));
        Map<QualifiedName, Publication.Table> haveTables = new TreeMap<>();
        have.tables().forEach(t -> haveTables.put(t.table(), t));
        for (Publication.Table table : haveTables.values()) {
            Publication.Table wanted = wantTables.get(table.table());
            if (wanted == null) {
                group().add(PlanPhase.DROP_DEPENDENTS, DdlPublications.dropTable(have, table), Kind.DROP, STOPS_REPLICATION,
                        "stop publishing table " + table.table() + " in " + name);
            } else if (!Publications.sameMember(wanted, table)) {
                group().add(PlanPhase.DROP_DEPENDENTS, DdlPublications.dropTable(have, table), Kind.ALTER, NONE,
                                "stop publishing table " + table.table() + " in " + name + " to publish it with other columns or rows")
                        .add(PlanPhase.PUBLICATIONS, DdlPublications.addTable(want, wanted), Kind.ALTER, NONE,
                                "publish table " + table.table() + " in " + name + " with the expected columns and rows");
            }
        }
        for (Publication.Table table : wantTables.values()) {
            if (!haveTables.containsKey(table.table())) {
                group().add(PlanPhase.PUBLICATIONS, DdlPublications.addTable(want, table), Kind.ALTER, NONE,
                        "publish table " + table.table() + " in " + name);
            }
        }
        for (String schema : have.schemas()) {
            if (!want.schemas().contains(schema)) {
                group().add(PlanPhase.DROP_DEPENDENTS, DdlPublications.dropSchema(have, schema), Kind.DROP, STOPS_REPLICATION,
                        "stop publishing the tables of schema " + schema + " in " + name);
            }
        }
        for (String schema : want.schemas()) {
            if (!have.schemas().contains(schema)) {
                group().add(PlanPhase.PUBLICATIONS, DdlPublications.addSchema(want, schema), Kind.ALTER, NONE,
                        "publish the tables of schema " + schema + " in " + name);
            }
        }
        if (!want.publish().equals(have.publish()) || want.viaPartitionRoot() != have.viaPartitionRoot()) {
            boolean fewer = !want.publish().containsAll(have.publish());
            group().add(PlanPhase.PUBLICATIONS, DdlPublications.setOptions(want), Kind.ALTER, fewer ? STOPS_REPLICATION : NONE,
                    "publish " + want.publish() + (want.viaPartitionRoot() ? " via the partition root" : "") + " in " + name);
        }
        if (!Objects.equals(want.comment(), have.comment())) {
            group().add(PlanPhase.COMMENTS, DdlPublications.comment(want), Kind.ALTER, NONE, "set the comment on " + name);
        }
    }
}
