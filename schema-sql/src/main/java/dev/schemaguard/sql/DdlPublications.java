package dev.schemaguard.sql;

import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.Publication;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The statements that create, change and drop a {@link Publication}. */
final class DdlPublications {

    private DdlPublications() {
    }

    static String create(Publication publication) {
        StringBuilder sql = new StringBuilder("CREATE PUBLICATION ").append(Identifiers.quote(publication.name()));
        if (publication.allTables()) {
            sql.append(" FOR ALL TABLES");
        } else {
            // one TABLE before the whole list: PostgreSQL 13 and 14 know no other spelling
            List<String> members = new ArrayList<>();
            if (!publication.tables().isEmpty()) {
                members.add("TABLE " + publication.tables().stream().map(DdlPublications::member)
                        .collect(Collectors.joining(", ")));
            }
            if (!publication.schemas().isEmpty()) {
                members.add("TABLES IN SCHEMA " + publication.schemas().stream().map(Identifiers::quote)
                        .collect(Collectors.joining(", ")));
            }
            if (!members.isEmpty()) {
                sql.append(" FOR ").append(String.join(", ", members));
            }
        }
        return sql.append(" WITH (").append(options(publication)).append(")").toString();
    }

    static String drop(Publication publication) {
        return "DROP PUBLICATION " + Identifiers.quote(publication.name());
    }

    /** {@code publish = 'insert, update', publish_via_partition_root = false}. */
    static String options(Publication publication) {
        return "publish = " + Identifiers.literal(String.join(", ", publication.publish()))
                + ", publish_via_partition_root = " + publication.viaPartitionRoot();
    }

    static String setOptions(Publication publication) {
        return alter(publication, "SET (" + options(publication) + ")");
    }

    static String addTable(Publication publication, Publication.Table table) {
        return alter(publication, "ADD TABLE " + member(table));
    }

    static String dropTable(Publication publication, Publication.Table table) {
        return alter(publication, "DROP TABLE " + table.table().sql());
    }

    static String addSchema(Publication publication, String schema) {
        return alter(publication, "ADD TABLES IN SCHEMA " + Identifiers.quote(schema));
    }

    static String dropSchema(Publication publication, String schema) {
        return alter(publication, "DROP TABLES IN SCHEMA " + Identifiers.quote(schema));
    }

    static String comment(Publication publication) {
        return "COMMENT ON PUBLICATION " + Identifiers.quote(publication.name()) + " IS "
                + (publication.comment() == null ? "NULL" : Identifiers.literal(publication.comment()));
    }

    /** {@code schema.table [(columns)] [WHERE (filter)]}. */
    private static String member(Publication.Table table) {
        StringBuilder sql = new StringBuilder(table.table().sql());
        if (!table.columns().isEmpty()) {
            sql.append(" (").append(table.columns().stream().map(Identifiers::quote).collect(Collectors.joining(", ")))
                    .append(")");
        }
        if (table.where() != null) {
            sql.append(" WHERE (").append(table.where()).append(")");
        }
        return sql.toString();
    }

    private static String alter(Publication publication, String action) {
        return "ALTER PUBLICATION " + Identifiers.quote(publication.name()) + " " + action;
    }
}
