package dev.schemaguard.sql;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table-level locks a planned statement takes, by rule: the statement's shape names the mode on its target
 * (PostgreSQL documentation, "Table-Level Locks" and each command's page), and the database being planned against
 * names the relations PostgreSQL reaches besides the target — the partitions and inheritance children a command
 * recurses to, and the other table of a foreign key whose triggers or check it touches.
 *
 * <p>Declared are the modes that make other sessions wait for more than DDL: SHARE UPDATE EXCLUSIVE and stronger,
 * on tables, views, materialized views, sequences and foreign tables. Weaker locks a statement takes in passing
 * (ACCESS SHARE on the tables a view reads, ROW EXCLUSIVE on a rule's action tables) block no reads or writes and are
 * not listed; locks on a table's own indexes, TOAST table and identity sequences follow the table's.
 *
 * <p>The same reading names the tables a statement reads in full or rewrites ({@link TableWork}): validating a
 * constraint or NOT NULL, building an index, checking a partition's bound, a SELECT of a table; rewriting for
 * persistence, tablespace or access method changes, a generation expression set, and the type changes and new
 * columns the planner marks {@link Hazard#REWRITES_TABLE}. A partitioned or foreign table has no rows of its own:
 * the work is on its partitions. Not declared, as weak locks are not: the table a foreign key references (read
 * only when the referencing table has rows), and tables read under ACCESS SHARE (a materialized view's query).
 * Every rule is measured: {@code ConvergenceTest} runs every statement the convergence table plans on PostgreSQL
 * 13–17 and compares with {@code pg_locks}, the table's {@code relfilenode} and {@code pg_stat_get_xact_numscans}.
 */
public final class LockRules {

    /** The rules of this version apply when the plan does not say which server it is for. */
    private static final int NEWEST_SUPPORTED_VERSION = 17;

    private final int serverMajorVersion;
    private final Map<QualifiedName, List<QualifiedName>> children = new HashMap<>();
    private final Map<QualifiedName, QualifiedName> partitionParents = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();
    private final Map<QualifiedName, QualifiedName> indexTables = new HashMap<>();
    private final java.util.Set<QualifiedName> views = new java.util.HashSet<>();
    /** Partitioned and foreign tables: no rows of their own to scan or rewrite. */
    private final java.util.Set<QualifiedName> withoutStorage = new java.util.HashSet<>();
    /**
     * Checks {@code CHECK (column IS NOT NULL)} by table and name, with their column: added NOT VALID (proving
     * nothing yet) or valid. A valid one proves the column holds no null, and PostgreSQL 12+ then sets NOT NULL
     * without reading the table (the online recipe's helper check). Other checks that imply it are not followed.
     */
    private final Map<QualifiedName, Map<String, NotNullCheck>> notNullChecks = new HashMap<>();

    private record NotNullCheck(String column, boolean valid) {
    }

    /** A foreign key {@code name} of {@code table} over {@code columns}, referencing {@code referenced}'s columns. */
    private record Reference(QualifiedName table, String name, List<String> columns, QualifiedName referenced,
                             List<String> referencedColumns) {
    }

    /**
     * The rules for a plan made against {@code database} (the actual side, before the plan runs) on a server of
     * that major version (0: the newest supported). The plan's
     * statements are then given to {@link #locks} in plan order: the partitions, inheritance children and foreign
     * keys they add, drop or detach are followed, so each statement is judged on the database as it finds it.
     */
    public LockRules(Database database, int serverMajorVersion) {
        this.serverMajorVersion = serverMajorVersion == 0 ? NEWEST_SUPPORTED_VERSION : serverMajorVersion;
        for (Schema schema : database.schemas()) {
            for (Table table : schema.tables()) {
                QualifiedName name = new QualifiedName(schema.name(), table.name());
                if (table.partitioning() != null || table.foreign() != null) {
                    withoutStorage.add(name);
                }
                if (table.partitionOf() != null) {
                    addChild(table.partitionOf().parent(), name);
                    partitionParents.put(name, table.partitionOf().parent());
                }
                for (QualifiedName parent : table.inherits()) {
                    addChild(parent, name);
                }
                for (ForeignKey foreignKey : table.foreignKeys()) {
                    references.add(new Reference(name, foreignKey.name(), foreignKey.columns(),
                            foreignKey.referencedTable(), foreignKey.referencedColumns()));
                }
                for (Index index : table.indexes()) {
                    indexTables.put(new QualifiedName(schema.name(), index.name()), name);
                }
                for (CheckConstraint check : table.checkConstraints()) {
                    java.util.regex.Matcher notNull = IS_NOT_NULL.matcher(check.expression());
                    if (notNull.matches()) {
                        String column = notNull.group(1) != null ? notNull.group(1).replace("\"\"", "\"") : notNull.group(2);
                        notNullChecks.computeIfAbsent(name, t -> new HashMap<>())
                                .put(check.name(), new NotNullCheck(column, !check.notValid()));
                    }
                }
            }
            schema.views().forEach(view -> views.add(new QualifiedName(schema.name(), view.name())));
        }
    }

    /** {@code (column IS NOT NULL)} as PostgreSQL prints a check: the column quoted (group 1) or bare (group 2). */
    private static final java.util.regex.Pattern IS_NOT_NULL = java.util.regex.Pattern.compile(
            "\\(*(?:\"((?:[^\"]|\"\")+)\"|([a-z_][a-z0-9_$]*)) IS NOT NULL\\)*");

    /** Whether a valid check of {@code table} proves {@code column} holds no null. */
    private boolean provenNotNull(QualifiedName table, String column) {
        return notNullChecks.getOrDefault(table, Map.of()).values().stream()
                .anyMatch(check -> check.valid() && check.column().equals(column));
    }

    private void addChild(QualifiedName parent, QualifiedName child) {
        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(child);
    }

    private void removeChild(QualifiedName parent, QualifiedName child) {
        children.getOrDefault(parent, new ArrayList<>()).remove(child);
        partitionParents.remove(child, parent);
    }

    private void forgetTable(QualifiedName table) {
        references.removeIf(r -> r.table().equals(table) || r.referenced().equals(table));
        children.remove(table);
        children.values().forEach(list -> list.remove(table));
        partitionParents.remove(table);
    }

    /** What a statement does to the relations it touches: the strongest lock on each, and the tables it works through. */
    public record Effect(Map<QualifiedName, LockMode> locks, Map<QualifiedName, TableWork> work) {
    }

    /**
     * The strongest declared mode per relation that {@code statement}, the next statement of the plan, takes, and
     * the tables it scans or rewrites; the statement's effect on partitions, children and foreign keys is then
     * recorded for the statements after it. Whether a column's type change or a new column rewrites the table is
     * the planner's word ({@link Hazard#REWRITES_TABLE}): it knows both types, the SQL text does not.
     */
    public Effect effect(PlanStatement statement) {
        Map<QualifiedName, LockMode> locks = new TreeMap<>();
        Map<QualifiedName, TableWork> work = new TreeMap<>();
        List<SqlLexer.Token> tokens;
        try {
            tokens = SqlLexer.tokens(statement.sql());
        } catch (SqlTextException e) {
            return new Effect(locks, work);
        }
        new Statement(tokens, locks, work, statement.has(Hazard.REWRITES_TABLE)).classify();
        return new Effect(locks, work);
    }

    /** One statement being read, and the locks and work found so far. */
    private final class Statement {
        private final List<SqlLexer.Token> tokens;
        private final Map<QualifiedName, LockMode> locks;
        private final Map<QualifiedName, TableWork> work;
        private final boolean rewrites;
        private int at;

        Statement(List<SqlLexer.Token> tokens, Map<QualifiedName, LockMode> locks, Map<QualifiedName, TableWork> work,
                  boolean rewrites) {
            this.tokens = tokens;
            this.locks = locks;
            this.work = work;
            this.rewrites = rewrites;
        }

        void classify() {
            if (words("alter", "table")) {
                alterTable();
            } else if (words("alter", "foreign", "table")) {
                lock(qualifiedNameAfterOptions(), LockMode.ACCESS_EXCLUSIVE);
            } else if (words("create", "unique", "index") || words("create", "index")) {
                createIndex();
            } else if (words("drop", "index")) {
                boolean concurrently = words("concurrently");
                words("if", "exists");
                QualifiedName table = indexTables.get(qualifiedName());
                lockWithDescendants(table, concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE);
            } else if (words("drop", "table") || words("drop", "foreign", "table")) {
                dropTables();
            } else if (words("drop", "view") || words("drop", "materialized", "view") || words("drop", "sequence")) {
                words("if", "exists");
                lock(qualifiedName(), LockMode.ACCESS_EXCLUSIVE);
            } else if (words("alter", "view")) {
                lock(qualifiedNameAfterOptions(), LockMode.ACCESS_EXCLUSIVE);
            } else if (words("alter", "materialized", "view")) {
                lock(qualifiedNameAfterOptions(), LockMode.SHARE_UPDATE_EXCLUSIVE);
            } else if (words("alter", "sequence")) {
                lock(qualifiedNameAfterOptions(), LockMode.SHARE_ROW_EXCLUSIVE);
            } else if (words("create", "table") || words("create", "unlogged", "table")
                    || words("create", "foreign", "table")) {
                createTable();
            } else if (words("comment", "on")) {
                comment();
            } else if (words("create", "policy") || words("alter", "policy") || words("drop", "policy")
                    || words("drop", "rule") || words("drop", "trigger")) {
                identifier();
                expectWord("on");
                lock(qualifiedName(), LockMode.ACCESS_EXCLUSIVE);
            } else if (words("create", "or", "replace", "rule") || words("create", "rule")) {
                skipToWord("to");
                lock(qualifiedName(), LockMode.ACCESS_EXCLUSIVE);
            } else if (words("create", "trigger") || words("create", "constraint", "trigger")) {
                skipToWord("on");
                lock(qualifiedName(), LockMode.SHARE_ROW_EXCLUSIVE);
            } else if (words("alter", "publication")) {
                identifier();
                if (words("add", "table") || words("drop", "table") || words("set", "table")) {
                    lockList(LockMode.SHARE_UPDATE_EXCLUSIVE);
                }
            } else if (words("create", "publication")) {
                identifier();
                if (words("for", "table")) {
                    lockList(LockMode.SHARE_UPDATE_EXCLUSIVE);
                }
            } else if (words("select")) {
                // a SELECT of the plan reads a table in full (setval to a column's maximum)
                if (skipToWordAtTop("from")) {
                    work(qualifiedName(), TableWork.SCANS);
                }
            } else if (words("create", "or", "replace", "view")) {
                QualifiedName view = qualifiedName();
                if (views.contains(view)) {
                    lock(view, LockMode.ACCESS_EXCLUSIVE);
                }
            }
        }

        private void alterTable() {
            boolean only = false;
            words("if", "exists");
            if (words("only")) {
                only = true;
            }
            QualifiedName table = qualifiedName();
            for (List<SqlLexer.Token> action : actions()) {
                alterTableAction(table, only, new Statement(action, locks, work, rewrites));
            }
        }

        /** The comma-separated actions of ALTER TABLE, from the current token on. */
        private List<List<SqlLexer.Token>> actions() {
            List<List<SqlLexer.Token>> actions = new ArrayList<>();
            List<SqlLexer.Token> current = new ArrayList<>();
            int depth = 0;
            for (; at < tokens.size(); at++) {
                SqlLexer.Token token = tokens.get(at);
                SqlLexer.Kind kind = token.kind();
                if (kind == SqlLexer.Kind.OPEN_PAREN || kind == SqlLexer.Kind.OPEN_BRACKET) {
                    depth++;
                } else if (kind == SqlLexer.Kind.CLOSE_PAREN || kind == SqlLexer.Kind.CLOSE_BRACKET) {
                    depth--;
                } else if (kind == SqlLexer.Kind.COMMA && depth == 0) {
                    actions.add(current);
                    current = new ArrayList<>();
                    continue;
                }
                current.add(token);
            }
            actions.add(current);
            return actions;
        }

        private void alterTableAction(QualifiedName table, boolean only, Statement action) {
            if (action.words("add", "constraint")) {
                String name = action.identifier();
                boolean validates = !action.hasWordsAtTop("not", "valid");
                String notNullColumn = action.notNullCheckColumn();
                if (notNullColumn != null) {
                    notNullChecks.computeIfAbsent(table, t -> new HashMap<>())
                            .put(name, new NotNullCheck(notNullColumn, validates));
                }
                if (action.words("foreign", "key")) {
                    List<String> columns = action.nameList();
                    action.words("references");
                    QualifiedName referenced = action.qualifiedName();
                    lockWithDescendants(table, only, LockMode.SHARE_ROW_EXCLUSIVE);
                    lock(referenced, LockMode.SHARE_ROW_EXCLUSIVE);
                    references.add(new Reference(table, name, columns, referenced, action.nameList()));
                    if (validates) {
                        workWithDescendants(table, only, TableWork.SCANS);
                    }
                } else if (!only && partitionParents.containsValue(table)
                        && (action.words("unique") || action.words("primary", "key"))) {
                    // the key's index is built on each partition under SHARE, as CREATE INDEX builds it
                    lockWithDescendants(table, LockMode.SHARE);
                    lock(table, LockMode.ACCESS_EXCLUSIVE);
                    workWithDescendants(table, false, TableWork.SCANS);
                } else {
                    lockWithDescendants(table, only, LockMode.ACCESS_EXCLUSIVE);
                    // a key over an index built beforehand (USING INDEX) reads nothing; every other constraint
                    // is checked against every row, or builds its index from them
                    if (validates && !action.hasWordsAtTop("using", "index")) {
                        workWithDescendants(table, only, TableWork.SCANS);
                    }
                }
            } else if (action.words("validate", "constraint")) {
                String name = action.identifier();
                notNullChecks.getOrDefault(table, new HashMap<>())
                        .computeIfPresent(name, (n, check) -> new NotNullCheck(check.column(), true));
                lockWithDescendants(table, only, LockMode.SHARE_UPDATE_EXCLUSIVE);
                workWithDescendants(table, only, TableWork.SCANS);
            } else if (action.words("drop", "constraint")) {
                action.words("if", "exists");
                String constraint = action.identifier();
                notNullChecks.getOrDefault(table, new HashMap<>()).remove(constraint);
                lockWithDescendants(table, only, LockMode.ACCESS_EXCLUSIVE);
                for (Reference reference : List.copyOf(references)) {
                    if (reference.table().equals(table) && reference.name().equals(constraint)) {
                        lock(reference.referenced(), LockMode.ACCESS_EXCLUSIVE);
                        references.remove(reference);
                    }
                }
            } else if (action.words("enable") || action.words("disable")) {
                boolean trigger = action.words("trigger") || action.words("always", "trigger")
                        || action.words("replica", "trigger");
                lock(table, trigger ? LockMode.SHARE_ROW_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE);
            } else if (action.words("set", "(") || action.words("reset", "(")) {
                lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE);
            } else if (action.words("attach", "partition")) {
                QualifiedName partition = action.qualifiedName();
                lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE);
                lock(partition, LockMode.ACCESS_EXCLUSIVE);
                // every row is checked against the bound (unless a valid CHECK of the partition implies it)
                workWithDescendants(partition, false, TableWork.SCANS);
                addChild(table, partition);
                partitionParents.put(partition, table);
            } else if (action.words("detach", "partition")) {
                QualifiedName partition = action.qualifiedName();
                lock(table, LockMode.ACCESS_EXCLUSIVE);
                // PostgreSQL 14 made DETACH take the partition's lock in ACCESS EXCLUSIVE mode too
                lock(partition, serverMajorVersion >= 14 ? LockMode.ACCESS_EXCLUSIVE : LockMode.SHARE_UPDATE_EXCLUSIVE);
                removeChild(table, partition);
            } else if (action.words("inherit")) {
                QualifiedName parent = action.qualifiedName();
                lock(table, LockMode.ACCESS_EXCLUSIVE);
                lock(parent, LockMode.SHARE_UPDATE_EXCLUSIVE);
                addChild(parent, table);
            } else if (action.words("no", "inherit")) {
                lock(table, LockMode.ACCESS_EXCLUSIVE);
                removeChild(action.qualifiedName(), table);
            } else if (action.words("rename", "to")) {
                lock(table, LockMode.ACCESS_EXCLUSIVE);
                renameTable(table, new QualifiedName(table.schema(), action.identifier()));
            } else if (action.words("set", "logged") || action.words("set", "unlogged")
                    || action.words("set", "tablespace") || action.words("set", "access", "method")) {
                lock(table, LockMode.ACCESS_EXCLUSIVE);
                work(table, TableWork.REWRITES);
            } else if (action.words("add", "column") || action.words("add")) {
                lockWithDescendants(table, only, LockMode.ACCESS_EXCLUSIVE);
                if (rewrites) {
                    workWithDescendants(table, only, TableWork.REWRITES);
                } else if (action.newColumnIsChecked()) {
                    workWithDescendants(table, only, TableWork.SCANS);
                }
            } else if (action.words("drop", "column") || action.words("alter", "column")) {
                action.words("if", "exists");
                String column = action.identifier();
                lockWithDescendants(table, only, LockMode.ACCESS_EXCLUSIVE);
                if (action.words("type") || action.words("set", "data", "type")) {
                    foreignKeyPeers(table, column);
                    if (rewrites) {
                        workWithDescendants(table, only, TableWork.REWRITES);
                    }
                    // the foreign keys over a retyped key are checked again: every referencing row is read
                    references.stream().filter(r -> r.referenced().equals(table) && r.referencedColumns().contains(column))
                            .forEach(r -> work(r.table(), TableWork.SCANS));
                } else if (action.words("set", "not", "null")) {
                    if (!provenNotNull(table, column)) {
                        workWithDescendants(table, only, TableWork.SCANS);
                    }
                } else if (action.words("set", "expression")) {
                    workWithDescendants(table, only, TableWork.REWRITES);
                } else if (isDrop(action)) {
                    foreignKeyPeers(table, column);
                    references.removeIf(r -> r.table().equals(table) && r.columns().contains(column));
                }
            } else {
                lock(table, LockMode.ACCESS_EXCLUSIVE);
            }
        }

        private boolean isDrop(Statement action) {
            return action.tokens.get(0).isWord("drop");
        }

        /** Changing a column's type or dropping it rebuilds the foreign keys over it, on both of their tables. */
        private void foreignKeyPeers(QualifiedName table, String column) {
            for (Reference reference : references) {
                if (reference.table().equals(table) && reference.columns().contains(column)) {
                    lock(reference.referenced(), LockMode.ACCESS_EXCLUSIVE);
                }
                if (reference.referenced().equals(table) && reference.referencedColumns().contains(column)) {
                    lock(reference.table(), LockMode.ACCESS_EXCLUSIVE);
                }
            }
        }

        private void renameTable(QualifiedName from, QualifiedName to) {
            if (withoutStorage.remove(from)) {
                withoutStorage.add(to);
            }
            references.replaceAll(r -> new Reference(r.table().equals(from) ? to : r.table(), r.name(), r.columns(),
                    r.referenced().equals(from) ? to : r.referenced(), r.referencedColumns()));
            List<QualifiedName> ownChildren = children.remove(from);
            if (ownChildren != null) {
                children.put(to, ownChildren);
            }
            children.values().forEach(list -> list.replaceAll(name -> name.equals(from) ? to : name));
            partitionParents.replaceAll((child, parent) -> parent.equals(from) ? to : parent);
            QualifiedName parent = partitionParents.remove(from);
            if (parent != null) {
                partitionParents.put(to, parent);
            }
        }

        private void createIndex() {
            boolean concurrently = words("concurrently");
            words("if", "not", "exists");
            if (!peekWord("on")) {
                identifier();
            }
            expectWord("on");
            boolean only = words("only");
            QualifiedName table = qualifiedName();
            lockWithDescendants(table, only, concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE);
            workWithDescendants(table, only, TableWork.SCANS);
        }

        private void dropTables() {
            words("if", "exists");
            do {
                QualifiedName table = qualifiedName();
                lockWithDescendants(table, LockMode.ACCESS_EXCLUSIVE);
                lock(partitionParents.get(table), LockMode.ACCESS_EXCLUSIVE);
                for (QualifiedName dropped : withDescendants(table)) {
                    for (Reference reference : references) {
                        if (reference.table().equals(dropped)) {
                            lock(reference.referenced(), LockMode.ACCESS_EXCLUSIVE);
                        } else if (reference.referenced().equals(dropped)) {
                            lock(reference.table(), LockMode.ACCESS_EXCLUSIVE);
                        }
                    }
                    forgetTable(dropped);
                }
            } while (comma());
        }

        private void createTable() {
            words("if", "not", "exists");
            QualifiedName created = qualifiedName();
            if (hasWordsAtTop("partition", "by") || tokens.get(1).isWord("foreign")) {
                withoutStorage.add(created);
            }
            if (words("partition", "of")) {
                QualifiedName parent = qualifiedName();
                lock(parent, LockMode.ACCESS_EXCLUSIVE);
                addChild(parent, created);
                partitionParents.put(created, parent);
                return;
            }
            for (int i = at; i < tokens.size(); i++) {
                if (tokens.get(i).isWord("references")) {
                    at = i + 1;
                    lock(qualifiedName(), LockMode.SHARE_ROW_EXCLUSIVE);
                    i = at - 1;
                } else if (tokens.get(i).isWord("inherits")) {
                    at = i + 1;
                    expect(SqlLexer.Kind.OPEN_PAREN);
                    do {
                        QualifiedName parent = qualifiedName();
                        lock(parent, LockMode.SHARE_UPDATE_EXCLUSIVE);
                        addChild(parent, created);
                    } while (comma());
                    i = at - 1;
                }
            }
        }

        private void comment() {
            if (words("table") || words("index") || words("foreign", "table") || words("view")
                    || words("materialized", "view") || words("sequence")) {
                lock(qualifiedName(), LockMode.SHARE_UPDATE_EXCLUSIVE);
            } else if (words("column")) {
                List<String> parts = nameParts();
                if (parts.size() >= 3) {
                    lock(new QualifiedName(parts.get(parts.size() - 3), parts.get(parts.size() - 2)),
                            LockMode.SHARE_UPDATE_EXCLUSIVE);
                }
            }
        }

        private void lockList(LockMode mode) {
            do {
                words("only");
                lock(qualifiedName(), mode);
                skipUntilCommaOrEnd();
            } while (comma());
        }

        private void lockWithDescendants(QualifiedName table, boolean only, LockMode mode) {
            if (only) {
                lock(table, mode);
            } else {
                lockWithDescendants(table, mode);
            }
        }

        private void lockWithDescendants(QualifiedName table, LockMode mode) {
            withDescendants(table).forEach(relation -> lock(relation, mode));
        }

        private List<QualifiedName> withDescendants(QualifiedName table) {
            List<QualifiedName> all = new ArrayList<>();
            if (table != null) {
                all.add(table);
                for (int i = 0; i < all.size(); i++) {
                    for (QualifiedName child : children.getOrDefault(all.get(i), List.of())) {
                        if (!all.contains(child)) {
                            all.add(child);
                        }
                    }
                }
            }
            return all;
        }

        private void workWithDescendants(QualifiedName table, boolean only, TableWork kind) {
            (only ? java.util.Collections.singletonList(table) : withDescendants(table)).forEach(t -> work(t, kind));
        }

        /** Work on a table that holds rows itself: a partitioned table's rows are its partitions'. */
        private void work(QualifiedName table, TableWork kind) {
            if (table != null && !withoutStorage.contains(table)) {
                work.merge(table, kind, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }

        /**
         * Whether an added column comes with a rule PostgreSQL checks on every existing row: NOT NULL without a
         * default to fill it, CHECK, REFERENCES, or a key or exclusion index built over the table.
         */
        private boolean newColumnIsChecked() {
            boolean notNull = hasWordsAtTop("not", "null") || hasWordsAtTop("primary", "key");
            boolean filled = hasWordsAtTop("default") || hasWordsAtTop("generated");
            return (notNull && !filled) || hasWordsAtTop("check") || hasWordsAtTop("references")
                    || hasWordsAtTop("unique") || hasWordsAtTop("primary", "key");
        }

        /**
         * The column of a {@code CHECK (column IS NOT NULL)} (one or two pairs of parentheses) that starts at the
         * current token, or null for any other constraint; reads nothing when null.
         */
        private String notNullCheckColumn() {
            int start = at;
            if (words("check", "(")) {
                boolean inner = words("(");
                String column = identifier();
                if (column != null && words("is", "not", "null") && closeParen() && (!inner || closeParen())
                        && (at == tokens.size() || peekWord("not"))) {
                    at = start;
                    return column;
                }
            }
            at = start;
            return null;
        }

        private boolean closeParen() {
            if (at < tokens.size() && tokens.get(at).kind() == SqlLexer.Kind.CLOSE_PAREN) {
                at++;
                return true;
            }
            return false;
        }

        /** Whether these words follow each other anywhere in the statement outside parentheses. */
        private boolean hasWordsAtTop(String... sequence) {
            int depth = 0;
            for (int i = 0; i < tokens.size(); i++) {
                SqlLexer.Kind kind = tokens.get(i).kind();
                if (kind == SqlLexer.Kind.OPEN_PAREN || kind == SqlLexer.Kind.OPEN_BRACKET) {
                    depth++;
                } else if (kind == SqlLexer.Kind.CLOSE_PAREN || kind == SqlLexer.Kind.CLOSE_BRACKET) {
                    depth--;
                } else if (depth == 0 && i + sequence.length <= tokens.size()) {
                    boolean matches = true;
                    for (int j = 0; j < sequence.length && matches; j++) {
                        matches = tokens.get(i + j).isWord(sequence[j]);
                    }
                    if (matches) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void lock(QualifiedName relation, LockMode mode) {
            if (relation != null) {
                locks.merge(relation, mode, LockMode::stronger);
            }
        }

        // --- reading tokens

        private boolean words(String... words) {
            for (int i = 0; i < words.length; i++) {
                if (at + i >= tokens.size()) {
                    return false;
                }
                SqlLexer.Token token = tokens.get(at + i);
                boolean matches = words[i].equals("(") ? token.kind() == SqlLexer.Kind.OPEN_PAREN : token.isWord(words[i]);
                if (!matches) {
                    return false;
                }
            }
            at += words.length;
            return true;
        }

        private boolean peekWord(String word) {
            return at < tokens.size() && tokens.get(at).isWord(word);
        }

        private void expectWord(String word) {
            words(word);
        }

        private void expect(SqlLexer.Kind kind) {
            if (at < tokens.size() && tokens.get(at).kind() == kind) {
                at++;
            }
        }

        private boolean skipToWord(String word) {
            for (; at < tokens.size(); at++) {
                if (tokens.get(at).isWord(word)) {
                    at++;
                    return true;
                }
            }
            return false;
        }

        private boolean skipToWordAtTop(String word) {
            int depth = 0;
            for (; at < tokens.size(); at++) {
                SqlLexer.Kind kind = tokens.get(at).kind();
                if (kind == SqlLexer.Kind.OPEN_PAREN) {
                    depth++;
                } else if (kind == SqlLexer.Kind.CLOSE_PAREN) {
                    depth--;
                } else if (depth == 0 && tokens.get(at).isWord(word)) {
                    at++;
                    return true;
                }
            }
            return false;
        }

        private void skipUntilCommaOrEnd() {
            int depth = 0;
            for (; at < tokens.size(); at++) {
                SqlLexer.Kind kind = tokens.get(at).kind();
                if (kind == SqlLexer.Kind.OPEN_PAREN) {
                    depth++;
                } else if (kind == SqlLexer.Kind.CLOSE_PAREN) {
                    depth--;
                } else if (kind == SqlLexer.Kind.COMMA && depth == 0) {
                    return;
                }
            }
        }

        private boolean comma() {
            if (at < tokens.size() && tokens.get(at).kind() == SqlLexer.Kind.COMMA) {
                at++;
                return true;
            }
            return false;
        }

        private String identifier() {
            if (at < tokens.size() && tokens.get(at).identifier() != null) {
                return tokens.get(at++).identifier();
            }
            return null;
        }

        /** A parenthesized list of names, {@code (a, "B")}; empty when there is none. */
        private List<String> nameList() {
            List<String> names = new ArrayList<>();
            if (at < tokens.size() && tokens.get(at).kind() == SqlLexer.Kind.OPEN_PAREN) {
                at++;
                do {
                    String name = identifier();
                    if (name != null) {
                        names.add(name);
                    }
                } while (comma());
                expect(SqlLexer.Kind.CLOSE_PAREN);
            }
            return names;
        }

        /** A name of one or more dot-separated parts. */
        private List<String> nameParts() {
            List<String> parts = new ArrayList<>();
            String part = identifier();
            while (part != null) {
                parts.add(part);
                if (at < tokens.size() && tokens.get(at).text().equals(".")) {
                    at++;
                    part = identifier();
                } else {
                    part = null;
                }
            }
            return parts;
        }

        /** A relation name as the planner writes it (schema-qualified); null when there is none. */
        private QualifiedName qualifiedName() {
            List<String> parts = nameParts();
            return parts.size() == 2 ? new QualifiedName(parts.get(0), parts.get(1)) : null;
        }

        private QualifiedName qualifiedNameAfterOptions() {
            words("if", "exists");
            words("only");
            return qualifiedName();
        }
    }
}
