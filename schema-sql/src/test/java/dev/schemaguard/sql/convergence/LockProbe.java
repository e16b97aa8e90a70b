package dev.schemaguard.sql.convergence;

import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.sql.LockMode;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.sql.TableWork;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one statement in a transaction of its own and reports what it did to the relations that existed before it:
 * the strongest lock it took on each (read from {@code pg_locks} before the commit), which tables it rewrote (their
 * file node changed) and which it read in full (their sequential scans in this transaction,
 * {@code pg_stat_get_xact_numscans}, grew: a CHECK, foreign key or NOT NULL validation, an index build and a
 * rewrite all start one on PostgreSQL 13–17). Relations the statement creates are left out: nobody else can see
 * them yet.
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
    /** Read inside the statement's transaction, before and after it: the counts of this transaction only. */
    private static final String TABLE_SCANS = """
            SELECT c.oid, pg_stat_get_xact_numscans(c.oid) FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')""";
    /** A foreign key's referenced table, as the planner writes it ({@code REFERENCES "s"."t"}). */
    private static final Pattern REFERENCES = Pattern.compile("(?i)\\bREFERENCES\\s+(\"(?:[^\"]|\"\")*\"|\\w+)\\.(\"(?:[^\"]|\"\")*\"|\\w+)");

    /**
     * What one statement did.
     *
     * @param locks the strongest mode taken on each relation that existed before
     * @param parts those of them that are parts of a table (indexes; identity, serial and other OWNED BY sequences)
     *              or composite types
     * @param work  the tables that existed before and were rewritten or read in full; null when not measured (a
     *              statement run outside a transaction: {@code pg_stat_get_xact_numscans} counts only within one)
     */
    record Effect(Map<QualifiedName, LockMode> locks, Set<QualifiedName> parts, Map<QualifiedName, TableWork> work) {

        /**
         * How the measured effect differs from what {@code statement} declares. Locks: each declared relation must
         * be locked in exactly the declared mode, and no other relation (parts of tables aside) in a mode stronger
         * than ROW EXCLUSIVE. Work: exactly the declared tables rewritten and scanned, with two kinds of reads left
         * undeclared, as weak locks are: the table a foreign key references may be read or not (PostgreSQL joins it
         * only when the referencing table has rows, by a scan or an index lookup as its planner likes), and a table
         * read under a lock that blocks no writes (ROW EXCLUSIVE or weaker: the query of a materialized view).
         */
        Optional<String> mismatch(PlanStatement statement) {
            Map<QualifiedName, LockMode> declared = statement.locks();
            Map<QualifiedName, LockMode> undeclared = new TreeMap<>(locks);
            undeclared.keySet().removeAll(declared.keySet());
            undeclared.keySet().removeAll(parts);
            undeclared.values().removeIf(mode -> mode.compareTo(LockMode.ROW_EXCLUSIVE) <= 0);
            Map<QualifiedName, LockMode> measuredDeclared = new TreeMap<>(locks);
            measuredDeclared.keySet().retainAll(declared.keySet());
            if (work == null) {
                return undeclared.isEmpty() && measuredDeclared.equals(declared) ? Optional.empty()
                        : Optional.of("declared " + declared + ", measured " + locks + " (work not measured)");
            }
            Map<QualifiedName, TableWork> measuredWork = new TreeMap<>(work);
            Set<QualifiedName> referenced = referencedTables(statement.sql());
            measuredWork.entrySet().removeIf(entry -> entry.getValue() == TableWork.SCANS
                    && !statement.work().containsKey(entry.getKey()) && (referenced.contains(entry.getKey())
                    || locks.getOrDefault(entry.getKey(), LockMode.ACCESS_SHARE).compareTo(LockMode.ROW_EXCLUSIVE) <= 0));
            if (undeclared.isEmpty() && measuredDeclared.equals(declared) && measuredWork.equals(statement.work())) {
                return Optional.empty();
            }
            return Optional.of("declared " + declared + " " + statement.work() + ", measured " + locks + " " + work);
        }

        private static Set<QualifiedName> referencedTables(String sql) {
            Set<QualifiedName> tables = new TreeSet<>();
            Matcher matcher = REFERENCES.matcher(sql);
            while (matcher.find()) {
                tables.add(new QualifiedName(unquote(matcher.group(1)), unquote(matcher.group(2))));
            }
            return tables;
        }

        private static String unquote(String identifier) {
            return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                    : identifier.toLowerCase(java.util.Locale.ROOT);
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
        Map<Long, Long> scansBefore;
        Map<Long, Long> scansAfter;
        try {
            scansBefore = scans(connection);
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
            scansAfter = scans(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        Map<Long, Relation> after = relations(connection);
        Map<QualifiedName, TableWork> work = new TreeMap<>();
        Set<QualifiedName> parts = new TreeSet<>();
        before.values().stream().filter(Relation::part).forEach(relation -> parts.add(relation.name()));
        scansBefore.forEach((oid, count) -> {
            Relation was = before.get(oid);
            Relation now = after.get(oid);
            if (was == null || now == null) {
                return;
            }
            if (was.fileNode() != 0 && now.fileNode() != was.fileNode()) {
                work.put(was.name(), TableWork.REWRITES);
            } else if (scansAfter.getOrDefault(oid, count) > count) {
                work.put(was.name(), TableWork.SCANS);
            }
        });
        return new Effect(locks, parts, work);
    }

    private static Map<Long, Long> scans(Connection connection) throws SQLException {
        Map<Long, Long> scans = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(TABLE_SCANS)) {
            while (rows.next()) {
                scans.put(rows.getLong(1), rows.getLong(2));
            }
        }
        return scans;
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
     * transaction (one table each) it is the one that matters. What it reads is not measured.
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
        return new Effect(locks, parts, null); // no transaction to count its scans in
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
