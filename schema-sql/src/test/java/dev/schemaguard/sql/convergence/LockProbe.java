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

    private static final String TABLES = """
            SELECT format('%I.%I', n.nspname, c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'""";
    private static final String WAITING_FOR = """
            SELECT relation, mode FROM pg_locks WHERE pid = ? AND locktype = 'relation' AND NOT granted""";

    /**
     * Runs one statement that cannot run in a transaction block ({@code CREATE INDEX CONCURRENTLY}, ...) on
     * {@code connection} in autocommit mode and reports the lock it asks for first: {@code holder}, another session,
     * holds every table in ACCESS EXCLUSIVE mode in an open transaction while the statement runs in a background
     * thread; the mode the statement waits for ({@code pg_locks}, not granted, its pid) is read, then the holder
     * rolls back and the statement completes. Only that first lock is seen: for the statements planned outside a
     * transaction (one table each) it is the one that matters.
     */
    static Effect runOutsideTransaction(Connection connection, Connection holder, String sql) throws SQLException {
        Map<Long, Relation> before = relations(connection);
        int pid;
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            pid = row.getInt(1);
        }
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (Statement statement = holder.createStatement(); ResultSet rows = statement.executeQuery(TABLES)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Map<QualifiedName, LockMode> locks = new TreeMap<>();
        holder.setAutoCommit(false);
        java.util.concurrent.CompletableFuture<Void> run;
        try {
            if (!tables.isEmpty()) {
                try (Statement statement = holder.createStatement()) {
                    statement.execute("LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE");
                }
            }
            run = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (locks.isEmpty() && !run.isDone() && System.nanoTime() < deadline) {
                try (PreparedStatement query = holder.prepareStatement(WAITING_FOR)) {
                    query.setInt(1, pid);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            Relation relation = before.get(rows.getLong(1));
                            if (relation != null) {
                                locks.merge(relation.name(), LockMode.ofPgLocks(rows.getString(2)), LockMode::stronger);
                            }
                        }
                    }
                }
                if (locks.isEmpty()) {
                    sleep();
                }
            }
        } finally {
            holder.rollback();
            holder.setAutoCommit(true);
        }
        try {
            run.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw e;
        }
        java.util.Set<QualifiedName> parts = new java.util.TreeSet<>();
        before.values().stream().filter(Relation::part).forEach(relation -> parts.add(relation.name()));
        return new Effect(locks, parts, Map.of());
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring a statement's lock", e);
        }
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
