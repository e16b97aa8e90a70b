package dev.schemaguard.sql.convergence;

import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.sql.LockMode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one statement in a transaction of its own and reports what it did to the relations that existed before it:
 * the strongest lock it took on each (read from {@code pg_locks} before the commit) and which ones it rewrote
 * (their file node changed). Relations the statement creates are left out: nobody else can see them yet.
 */
final class LockProbe {

    private static final String USER_RELATIONS = """
            SELECT c.oid, n.nspname, c.relname, c.relfilenode,
                   c.relkind IN ('i', 'I', 'c') OR (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                       WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                         AND d.deptype IN ('i', 'a'))) AS part
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'
              AND n.nspname NOT LIKE 'pg_toast_temp%'""";
    private static final String OWN_RELATION_LOCKS = """
            SELECT relation, mode FROM pg_locks
            WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation IS NOT NULL""";

    /**
     * What one statement did.
     *
     * @param locks     the strongest mode taken on each relation that existed before
     * @param parts     those of them that are parts of a table (indexes; identity, serial and other OWNED BY sequences)
     *                  or composite types
     * @param rewritten whether each locked relation got a new file
     */
    record Effect(Map<QualifiedName, LockMode> locks, java.util.Set<QualifiedName> parts,
                  Map<QualifiedName, Boolean> rewritten) {

        /**
         * How the measured locks differ from {@code declared}: each declared relation must be locked in exactly
         * the declared mode, and no other relation (parts of tables aside) in a mode stronger than ROW EXCLUSIVE.
         */
        java.util.Optional<String> mismatch(Map<QualifiedName, LockMode> declared) {
            Map<QualifiedName, LockMode> undeclared = new TreeMap<>(locks);
            undeclared.keySet().removeAll(declared.keySet());
            undeclared.keySet().removeAll(parts);
            undeclared.values().removeIf(mode -> mode.compareTo(LockMode.ROW_EXCLUSIVE) <= 0);
            Map<QualifiedName, LockMode> measuredDeclared = new TreeMap<>(locks);
            measuredDeclared.keySet().retainAll(declared.keySet());
            if (undeclared.isEmpty() && measuredDeclared.equals(declared)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of("declared " + declared + ", measured " + locks);
        }
    }

    private record Relation(QualifiedName name, long fileNode, boolean part) {
    }

    private LockProbe() {
    }

    static Effect run(Connection connection, String sql) throws SQLException {
        Map<Long, Relation> before = relations(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Map<QualifiedName, LockMode> locks = new TreeMap<>();
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            try (PreparedStatement query = connection.prepareStatement(OWN_RELATION_LOCKS);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Relation relation = before.get(rows.getLong(1));
                    if (relation != null) {
                        locks.merge(relation.name(), LockMode.ofPgLocks(rows.getString(2)), LockMode::stronger);
                    }
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        Map<Long, Relation> after = relations(connection);
        Map<QualifiedName, Boolean> rewritten = new TreeMap<>();
        java.util.Set<QualifiedName> parts = new java.util.TreeSet<>();
        before.values().stream().filter(Relation::part).forEach(relation -> parts.add(relation.name()));
        before.forEach((oid, relation) -> {
            Relation now = after.get(oid);
            if (now != null && locks.containsKey(relation.name())) {
                rewritten.put(relation.name(), now.fileNode() != relation.fileNode());
            }
        });
        return new Effect(locks, parts, rewritten);
    }

    private static Map<Long, Relation> relations(Connection connection) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(USER_RELATIONS)) {
            while (rows.next()) {
                relations.put(rows.getLong(1), new Relation(new QualifiedName(rows.getString(2), rows.getString(3)),
                        rows.getLong(4), rows.getBoolean(5)));
            }
        }
        return relations;
    }
}
