package dev.schemaguard.guard;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Table;
import dev.schemaguard.sql.SqlCommands;
import dev.schemaguard.sql.SqlTextException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Statements that run only when a table has certain columns; made by {@link SchemaRequirements#ifColumnsExist}. */
public final class ColumnCondition {

    private static final Logger LOG = LoggerFactory.getLogger(ColumnCondition.class);

    private final Connection connection;
    private final String checkedBy;
    private final String table;
    private final List<String> columns;

    ColumnCondition(Connection connection, String checkedBy, String table, List<String> columns) {
        TableName.parse(table, "public");
        this.connection = connection;
        this.checkedBy = checkedBy;
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /**
     * Runs the statements, in order, when the table has every column; otherwise logs one warning naming the
     * missing table or columns and the first statement skipped, and runs none. Returns whether they ran.
     *
     * @throws IllegalArgumentException when a statement is not exactly one SQL command (pass each command as a
     *                                  statement of its own); then none runs
     */
    public boolean run(String... statements) throws SQLException {
        for (String sql : statements) {
            try {
                SqlCommands.requireOne(sql);
            } catch (SqlTextException e) {
                throw new IllegalArgumentException("not exactly one SQL command, so nothing was run: " + e.located()
                        + ": " + firstLine(new String[] {sql}) + "; pass each command as a statement of its own", e);
            }
        }
        Optional<String> missing = whatIsMissing();
        if (missing.isPresent()) {
            LOG.warn("{}skipped {}: {}", checkedBy == null ? "" : checkedBy + ": ", firstLine(statements), missing.get());
            return false;
        }
        try (Statement jdbc = connection.createStatement()) {
            for (String sql : statements) {
                jdbc.execute(sql);
            }
        }
        return true;
    }

    /** Empty when the table has every column, otherwise what is missing, for a person. */
    public Optional<String> whatIsMissing() throws SQLException {
        QualifiedName name = TableName.parse(table, LiveSchema.currentSchema(connection));
        Database actual = LiveSchema.read(connection, Set.of(name.schema()));
        Optional<Table> found = actual.table(name);
        if (found.isEmpty()) {
            return Optional.of("table " + name + " does not exist");
        }
        List<String> absent = columns.stream().filter(c -> found.get().column(c).isEmpty()).toList();
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("table " + name + " has no column" + (absent.size() == 1 ? " " : "s ") + String.join(", ", absent));
    }

    private static String firstLine(String[] statements) {
        if (statements.length == 0) {
            return "nothing";
        }
        String first = statements[0].strip();
        int newline = first.indexOf('\n');
        String line = newline < 0 ? first : first.substring(0, newline) + " ...";
        return "`" + line + "`" + (statements.length > 1 ? " and " + (statements.length - 1) + " more statement(s)" : "");
    }
}
