package dev.schemaguard.sql;

import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The guard agrees with the server where it matters: whenever {@link SqlCommands} takes a text for one command, the
 * server (through the JDBC driver, in its default extended mode and in simple mode, and with
 * {@code standard_conforming_strings} on and off) never runs a second command hidden in it. The texts are random
 * soups of the characters that start or end strings, quoted identifiers, dollar quotes and comments, around a
 * semicolon followed by a command that leaves a trace no rollback undoes ({@code nextval}).
 */
class SqlCommandsServerProperties {

    private static final List<String> PIECES = List.of(
            "'", "''", "E'", "e'", "\\", "\\'", "\"", "\"\"", "$$", "$a$", "$1", "a$b$", "--", "\n", "\r", "/*", "*/",
            ";", "(", ")", " ", "x", "1", "1e", "U&'", "U&\"", "N'", "B'", "X'", "\u2003", "é", "::", "-", "*", "/",
            "BEGIN ATOMIC ", " END", " CASE ", "CREATE FUNCTION ");

    private static ThrowawayDatabase database;

    @BeforeContainer
    static void database() throws SQLException {
        database = ThrowawayDatabase.create(TestPostgres.primary());
        database.execute("CREATE SEQUENCE pwned");
    }

    @AfterContainer
    static void dropDatabase() throws SQLException {
        database.close();
    }

    @Provide
    Arbitrary<String> soups() {
        Arbitrary<String> soup = Arbitraries.of(PIECES).list().ofMaxSize(8).map(pieces -> String.join("", pieces));
        return Arbitraries.of("SELECT 1 ", "CREATE FUNCTION pg_temp.f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1 ",
                        "SELECT ")
                .flatMap(start -> soup.flatMap(before -> soup.map(after ->
                        start + before + "; SELECT nextval('pwned'); " + after)));
    }

    @Property(tries = 600)
    void whatTheGuardTakesForOneCommandRunsAsOne(@ForAll("soups") String sql) throws SQLException {
        boolean one = SqlCommands.isOne(sql);
        Statistics.collect(one ? "taken for one command: run on the server" : "refused by the guard");
        if (!one) {
            return; // refused: nothing is sent
        }
        for (String mode : List.of("extended", "simple")) {
            for (String conforming : List.of("on", "off")) {
                assertFalse(runsASecondCommand(sql, mode, conforming),
                        () -> "the guard took this for one command, the server ran a second one (" + mode
                                + ", standard_conforming_strings " + conforming + "): " + sql);
            }
        }
    }

    private static boolean runsASecondCommand(String sql, String mode, String conforming) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("preferQueryMode", mode);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            long before = calls(statement);
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL standard_conforming_strings = " + conforming);
            try {
                statement.execute(sql);
            } catch (SQLException expected) {
                // most soups are not valid SQL; what counts is whether the second command ran
            }
            connection.rollback();
            connection.setAutoCommit(true);
            return calls(statement) != before;
        }
    }

    /** How often nextval('pwned') ran: sequences are not transactional, a rollback does not undo it. */
    private static long calls(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM pwned")) {
            row.next();
            return row.getLong(1);
        }
    }
}
