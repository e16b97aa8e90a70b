package dev.schemaguard.jpa;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Sequence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Test helpers around models: tables without other schema objects, and sequences checked straight from pg_sequences. */
final class Models {

    private Models() {
    }

    static Database tablesOnly(Database database) {
        return Database.of(database.schemas().stream()
                .map(s -> Schema.empty(s.name()).withTables(s.tables()).withComment(s.comment()))
                .toList()).withExtensions(database.extensions());
    }

    /** Expected sequences missing or different in the database, and sequences only the database has. */
    static List<String> sequenceDrift(Database expected, Connection connection) throws SQLException {
        TreeMap<String, String> want = new TreeMap<>();
        for (Schema schema : expected.schemas()) {
            for (Sequence sequence : schema.sequences()) {
                want.put(schema.name() + "." + sequence.name(), "start " + sequence.options().start()
                        + " increment " + sequence.options().increment() + " " + sequence.type().name());
            }
        }
        TreeMap<String, String> have = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select schemaname, sequencename, start_value, increment_by, data_type::text from pg_sequences"
                             + " s where not exists (select from pg_depend d where d.objid = format('%I.%I', schemaname,"
                             + " sequencename)::regclass and d.deptype in ('a', 'i'))")) {
            while (rows.next()) {
                have.put(rows.getString(1) + "." + rows.getString(2), "start " + rows.getLong(3)
                        + " increment " + rows.getLong(4) + " " + rows.getString(5));
            }
        }
        List<String> drift = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(want.keySet());
        names.addAll(have.keySet());
        for (String name : names) {
            if (!want.getOrDefault(name, "").equals(have.getOrDefault(name, ""))) {
                drift.add("sequence " + name + " is " + have.get(name) + ", expected " + want.get(name));
            }
        }
        return drift;
    }
}
