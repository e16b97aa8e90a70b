package dev.schemaguard.sql;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * An expected schema in PostgreSQL's own spelling. A hand-written schema says {@code status in ('a', 'b')},
 * {@code default 'draft'} or {@code using (tenant_id = current_setting('app.tenant')::uuid)}; a live database
 * reads back {@code (status = ANY (ARRAY['a'::text, 'b'::text]))}, {@code 'draft'::text} and
 * {@code (tenant_id = (current_setting('app.tenant'::text))::uuid)}. Creating the expected schema in an empty
 * throwaway database and reading it back gives the expected side the same spelling, so that only real differences
 * remain. Names are kept (every object is created under its declared name), so the result lines up with the
 * expected model object by object.
 *
 * <p>Everything happens in one transaction that is rolled back: the throwaway database stays empty and can be
 * used again. Roles that policies name and the throwaway server lacks are created in that transaction too (and
 * so vanish with it).
 */
public final class CanonicalSchema {

    private static final Set<String> ROLE_KEYWORDS = Set.of("public", "current_user", "current_role", "session_user");

    private CanonicalSchema() {
    }

    /**
     * {@code expected} as PostgreSQL spells it: created in {@code throwaway} with {@link MigrationPlanner#baseline}
     * and introspected back, only for the schemas {@code expected} holds.
     *
     * @throws CanonicalizationException when the schema cannot be created there (an extension the throwaway server
     *                                   does not have, a reference to a schema that is not part of it, ...)
     */
    public static Database canonicalize(Database expected, ThrowawayDatabase throwaway) throws CanonicalizationException {
        Set<String> schemas = new TreeSet<>();
        expected.schemas().stream().map(Schema::name).forEach(schemas::add);
        if (schemas.isEmpty()) {
            return expected;
        }
        // grants need no respelling, and the roles they name need not exist on the throwaway server: kept as they are
        MigrationPlan plan = MigrationPlanner.baseline(expected.withoutGrants());
        try {
            PlanExecutor.requireSingleCommands(plan);
        } catch (PlanExecutor.StatementRefusedException e) {
            throw new CanonicalizationException(e.getMessage(), e, e.statement(), null, true);
        }
        try (Connection connection = throwaway.open()) {
            connection.setAutoCommit(false);
            try {
                createMissingRoles(connection, expected);
                execute(connection, plan.statements());
                Database canonical = new PostgresIntrospector(new IntrospectionOptions(schemas, Set.of())).introspect(connection);
                // the declared extensions, not the throwaway server's: a version or schema the user left open stays open
                return canonical.withExtensions(expected.extensions())
                        .withSchemas(canonical.schemas().stream().map(s -> withDeclaredRenames(s.withGrants(expected.schema(s.name())
                                .map(Schema::grants).orElse(List.of())), expected.schema(s.name()).orElseThrow())).toList());
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new CanonicalizationException("the throwaway database failed: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Runs the statements as one JDBC batch: the driver sends them without waiting for each reply, so the server
     * works through them while the next ones arrive (a fifth faster than one round trip each for a 1,000-table
     * schema). Each is still a statement of its own. When the batch fails, it is undone to a savepoint and run again
     * one statement at a time, which names the statement that fails and the part of it the server points at.
     */
    private static void execute(Connection connection, List<PlanStatement> statements) throws SQLException,
            CanonicalizationException {
        java.sql.Savepoint beforeBatch = connection.setSavepoint();
        try (Statement jdbc = connection.createStatement()) {
            for (PlanStatement statement : statements) {
                jdbc.addBatch(statement.sql());
            }
            jdbc.executeBatch();
            return;
        } catch (BatchUpdateException e) {
            connection.rollback(beforeBatch);
        }
        try (Statement jdbc = connection.createStatement()) {
            for (PlanStatement statement : statements) {
                try {
                    jdbc.execute(statement.sql());
                } catch (SQLException e) {
                    String part = partAt(statement, e);
                    throw new CanonicalizationException("the expected schema cannot be created in a throwaway"
                            + " database (" + statement.description() + "): " + firstLine(e.getMessage())
                            + (part == null ? "" : " (in: " + part + ")"), e, statement, part,
                            blamesSchema(statement, e));
                }
            }
        }
    }

    /**
     * Whether {@code expected} is PostgreSQL's spelling already because it equals what the live database
     * {@code actual} printed: every schema it declares equal to {@code actual}'s schema of that name (tables,
     * views, types, routines, everything the model holds, down to each expression's text), and the objects outside
     * schemas (casts, publications, foreign-data wrappers and servers) equal too. A snapshot of that database reads
     * back this way. Canonicalizing it would create those same texts in an empty database and read them back: what
     * the server printed it parses again into the same tree and prints the same way (pg_dump relies on it), so
     * {@link #canonicalize} would return the model it was given, and the comparison finds nothing either way.
     * Anything short of equality, even one object, answers false: then build.
     */
    public static boolean equalsLiveSpelling(Database expected, Database actual) {
        if (!expected.casts().equals(actual.casts()) || !expected.publications().equals(actual.publications())
                || !expected.foreignDataWrappers().equals(actual.foreignDataWrappers())
                || !expected.foreignServers().equals(actual.foreignServers())) {
            return false;
        }
        for (Schema schema : expected.schemas()) {
            if (!actual.schema(schema.name()).map(schema::equals).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code expected}, which {@link #equalsLiveSpelling} found equal to {@code actual}, made of {@code actual}'s own
     * schemas, casts, publications, foreign-data wrappers and servers: equal objects, so nothing a comparison sees
     * changes, and comparing them again is a matter of identity (at 10,000 tables the comparison after the check
     * for equality cost as much again).
     */
    public static Database sharingLiveObjects(Database expected, Database actual) {
        return expected.withSchemas(expected.schemas().stream()
                        .map(schema -> actual.schema(schema.name()).orElseThrow()).toList())
                .withCasts(actual.casts())
                .withPublications(actual.publications())
                .withForeignDataWrappers(actual.foreignDataWrappers())
                .withForeignServers(actual.foreignServers());
    }

    /** The declared former names (renamed_from), which no database remembers, put back on the canonical model. */
    private static Schema withDeclaredRenames(Schema canonical, Schema declared) {
        return DeclaredRenameNames.copy(declared, canonical);
    }

    /**
     * As {@link #canonicalize}, but when that is not possible returns {@code expected} unchanged and tells
     * {@code warnings} why; the comparison then relies on the text normalization of
     * {@code dev.schemaguard.diff.Expressions} alone. It falls back whatever the reason; a caller that must not
     * compare an invalid schema calls {@link #canonicalize} and falls back only when
     * {@link CanonicalizationException#blamesSchema()} is false, as the command line does.
     */
    public static Database canonicalizeOrKeep(Database expected, ThrowawayDatabase throwaway, Consumer<String> warnings) {
        try {
            return canonicalize(expected, throwaway);
        } catch (CanonicalizationException e) {
            warnings.accept(e.getMessage() + "; comparing expressions by text normalization only");
            return expected;
        }
    }

    /**
     * The line of the statement where the server says the error is, e.g. {@code CONSTRAINT t_check CHECK (id >)}: a
     * CREATE TABLE puts each column and constraint on a line of its own, so this names the part that failed. Null
     * when the server gave no position or the statement is one line.
     */
    private static String partAt(PlanStatement statement, SQLException e) {
        if (!(e instanceof org.postgresql.util.PSQLException psql) || psql.getServerErrorMessage() == null) {
            return null;
        }
        int position = psql.getServerErrorMessage().getPosition();
        String sql = statement.sql();
        if (position < 1 || position > sql.length() || sql.indexOf('\n') < 0) {
            return null;
        }
        int start = sql.lastIndexOf('\n', position - 1) + 1;
        int end = sql.indexOf('\n', position - 1);
        String line = sql.substring(start, end < 0 ? sql.length() : end).strip();
        if (line.endsWith(",")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.isEmpty() ? null : line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    /**
     * Whether a failed statement of the baseline means the expected schema is invalid. Not when it created an
     * extension (the throwaway server may lack it), nor for failures of the server rather than of the statement:
     * connections (SQLSTATE class 08), resources (53), operator intervention (57), system errors (58), internal
     * errors (XX), missing privileges (42501) or a schema that is not there (3F000, a reference to a schema left
     * out of the comparison).
     */
    static boolean blamesSchema(PlanStatement statement, SQLException e) {
        if (statement.sql().regionMatches(true, 0, "CREATE EXTENSION", 0, "CREATE EXTENSION".length())) {
            return false;
        }
        String state = e.getSQLState();
        if (state == null || state.length() != 5) {
            return false;
        }
        String category = state.substring(0, 2);
        return !(category.equals("08") || category.equals("53") || category.equals("57") || category.equals("58")
                || category.equals("XX") || state.equals("42501") || state.equals("3F000"));
    }

    private static void createMissingRoles(Connection connection, Database expected) throws SQLException {
        Set<String> roles = new TreeSet<>();
        for (Schema schema : expected.schemas()) {
            for (Table table : schema.tables()) {
                for (Policy policy : table.policies()) {
                    policy.roles().stream().filter(role -> !ROLE_KEYWORDS.contains(role)).forEach(roles::add);
                }
            }
        }
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?");
             Statement create = connection.createStatement()) {
            for (String role : roles) {
                exists.setString(1, role);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next()) {
                        create.execute("CREATE ROLE " + dev.schemaguard.model.Identifiers.quote(role) + " NOLOGIN");
                    }
                }
            }
        }
    }

    /**
     * The error's first line, and the server's hint where it gave one: "out of shared memory" alone does not say
     * that creating a few thousand tables in one transaction needs a higher {@code max_locks_per_transaction}.
     */
    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        if (newline < 0) {
            return message;
        }
        String first = message.substring(0, newline);
        return message.lines().map(String::strip).filter(line -> line.startsWith("Hint: ")).findFirst()
                .map(hint -> first + " (" + hint + ")").orElse(first);
    }
}
