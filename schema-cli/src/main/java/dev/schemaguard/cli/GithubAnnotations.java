package dev.schemaguard.cli;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.yaml.DeclaredSchema;
import dev.schemaguard.yaml.Position;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A drift report as GitHub Actions workflow commands ({@code check --format github}): one {@code ::error}
 * annotation per difference, with the SQL that fixes it, placed at the line of the expected YAML that declares the
 * object when there is one, then the summary line of the text report.
 *
 * <p>Every value is escaped as the workflow command syntax asks, so that a name or an expression can never start a
 * line, and with it a command, of its own.
 */
final class GithubAnnotations {

    private GithubAnnotations() {
    }

    /**
     * @param places where the objects of the expected schema were declared, when it is YAML; null otherwise
     */
    static String write(DriftReport report, String expectedName, String actualName, DeclaredSchema places) {
        if (report.isEmpty()) {
            return "OK: " + actualName + " matches " + expectedName + "\n";
        }
        StringBuilder out = new StringBuilder();
        for (DriftReport.Fix fix : report.fixes()) {
            SchemaChange change = fix.change();
            StringBuilder message = new StringBuilder(change.describe());
            if (!fix.statements().isEmpty()) {
                message.append("\n\nFix:");
                for (PlanStatement statement : fix.statements()) {
                    message.append('\n').append(statement.sql()).append(';');
                }
            }
            Map<String, String> properties = new LinkedHashMap<>();
            place(change, places).ifPresent(position -> {
                properties.put("file", repositoryPath(position.source()));
                properties.put("line", Integer.toString(position.line()));
                properties.put("col", Integer.toString(position.column()));
            });
            properties.put("title", "Schema drift: " + change.subject());
            out.append(command("error", properties, message.toString())).append('\n');
        }
        int changes = report.changeCount();
        int subjects = report.subjects().size();
        out.append("DRIFT: ").append(changes).append(changes == 1 ? " difference" : " differences").append(" in ")
                .append(subjects).append(subjects == 1 ? " object" : " objects").append(" between ").append(actualName)
                .append(" and ").append(expectedName).append('\n');
        return out.toString();
    }

    /** Where the YAML declares what {@code change} is about: its column, its table, or an object it names. */
    private static Optional<Position> place(SchemaChange change, DeclaredSchema places) {
        if (places == null) {
            return Optional.empty();
        }
        if (change instanceof SchemaChange.TableChange tableChange) {
            String table = tableChange.table().sql();
            String column = null;
            if (change instanceof SchemaChange.ColumnAdded added) {
                column = added.column().name();
            } else if (change instanceof SchemaChange.ColumnAltered altered) {
                column = altered.expected().name();
            }
            if (column != null && places.columns().containsKey(table + "." + Identifiers.quote(column))) {
                return Optional.of(places.columns().get(table + "." + Identifiers.quote(column)));
            }
            if (places.objects().containsKey(table)) {
                return Optional.of(places.objects().get(table));
            }
        }
        return places.locate(change.describe());
    }

    /** A path GitHub can place an annotation at: relative to the working directory (the workspace) when inside it. */
    private static String repositoryPath(String source) {
        try {
            Path path = Path.of(source);
            Path workingDirectory = Path.of("").toAbsolutePath();
            if (path.isAbsolute() && path.startsWith(workingDirectory)) {
                path = workingDirectory.relativize(path);
            }
            return path.toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            return source;
        }
    }

    /** {@code ::name key=value,...::message}, escaped. */
    static String command(String name, Map<String, String> properties, String message) {
        List<String> pairs = new ArrayList<>();
        properties.forEach((key, value) -> pairs.add(key + "=" + escapeProperty(value)));
        return "::" + name + (pairs.isEmpty() ? "" : " " + String.join(",", pairs)) + "::" + escapeData(message);
    }

    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
