package dev.schemaguard.sql;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.Schema;

import java.util.Optional;
import java.util.Set;

/**
 * The storage a column gets from its type when none is set ({@code pg_type.typstorage}): what
 * {@code SET STORAGE} goes back to when the expected column leaves storage to its type. PostgreSQL 13 and 14 have
 * no {@code SET STORAGE DEFAULT}, so the planner needs the word. Built-in types are listed as pg_type has them on
 * PostgreSQL 13–17; enums, domains, composite and range types of the model follow from what they are; a type the
 * model does not describe (an extension's) is unknown.
 */
final class TypeStorage {

    private static final Set<String> MAIN = Set.of("numeric", "inet", "cidr");
    private static final Set<String> EXTENDED = Set.of("text", "character varying", "character", "bytea", "json",
            "jsonb", "jsonpath", "xml", "tsvector", "bit", "bit varying", "path", "polygon", "refcursor",
            "txid_snapshot", "pg_snapshot");
    private static final Set<String> PLAIN = Set.of("smallint", "integer", "bigint", "smallserial", "serial",
            "bigserial", "real", "double precision", "money", "boolean", "char", "name", "oid", "xid",
            "xid8", "cid", "tid", "date", "time without time zone", "time with time zone", "timestamp without time zone",
            "timestamp with time zone", "interval", "uuid", "pg_lsn", "point", "lseg", "box", "line", "circle",
            "macaddr", "macaddr8", "tsquery", "regclass", "regconfig", "regdictionary", "regnamespace", "regoper",
            "regoperator", "regproc", "regprocedure", "regrole", "regtype", "regcollation", "int2vector", "oidvector");

    private TypeStorage() {
    }

    /** The type's own storage, or empty when the model cannot tell (a type it does not describe). */
    static Optional<Column.Storage> of(DataType type, Database model) {
        if (type.isArray()) {
            return Optional.of(Column.Storage.EXTENDED);
        }
        if (type.schema() == null) {
            Optional<Column.Storage> builtIn = builtIn(type.name());
            if (builtIn.isPresent()) {
                return builtIn;
            }
        }
        for (Schema schema : model.schemas()) {
            if (type.schema() != null && !type.schema().equals(schema.name())) {
                continue;
            }
            if (schema.enums().stream().anyMatch(e -> e.name().equals(type.name()))) {
                return Optional.of(Column.Storage.PLAIN);
            }
            if (schema.compositeTypes().stream().anyMatch(c -> c.name().equals(type.name()))
                    || schema.rangeTypes().stream().anyMatch(r -> r.name().equals(type.name()))) {
                return Optional.of(Column.Storage.EXTENDED);
            }
            Optional<Domain> domain = schema.domains().stream().filter(d -> d.name().equals(type.name())).findFirst();
            if (domain.isPresent()) {
                return of(domain.get().baseType(), model);
            }
        }
        return Optional.empty();
    }

    private static Optional<Column.Storage> builtIn(String name) {
        if (MAIN.contains(name)) {
            return Optional.of(Column.Storage.MAIN);
        }
        if (EXTENDED.contains(name)) {
            return Optional.of(Column.Storage.EXTENDED);
        }
        return PLAIN.contains(name) ? Optional.of(Column.Storage.PLAIN) : Optional.empty();
    }
}
