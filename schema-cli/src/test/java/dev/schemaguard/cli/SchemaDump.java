package dev.schemaguard.cli;

import dev.schemaguard.testkit.ThrowawayDatabase;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Everything a database's schema is, as text to compare before and after a run: {@code pg_dump --schema-only} of
 * the server's major version when one is installed, otherwise a fingerprint of the catalogs (every relation,
 * column, constraint, index, routine, type, policy and trigger outside the system schemas, with definitions).
 */
final class SchemaDump {

    private static final String FINGERPRINT = """
            select string_agg(line, E'\\n' order by line) from (
              select 'namespace ' || nspname || ' ' || nspowner::regrole as line from pg_namespace
               where nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and nspname not like 'pg_temp%'
                 and nspname not like 'pg_toast_temp%'
              union all
              select 'relation ' || c.oid::regclass || ' ' || c.relkind || ' ' || c.relpersistence || ' '
                     || coalesce(pg_get_viewdef(c.oid), '')
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
              union all
              select 'column ' || a.attrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                     || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
               where a.attnum > 0 and not a.attisdropped and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
              union all
              select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(c.oid)
                from pg_constraint c join pg_namespace n on n.oid = c.connamespace
               where n.nspname not in ('pg_catalog', 'information_schema')
              union all
              select 'index ' || pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
                join pg_namespace n on n.oid = c.relnamespace where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
              union all
              select 'routine ' || pg_get_functiondef(p.oid) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
               where n.nspname not in ('pg_catalog', 'information_schema') and p.prokind in ('f', 'p')
              union all
              select 'type ' || t.oid::regtype || ' ' || t.typtype || ' '
                     || coalesce((select string_agg(enumlabel, ',' order by enumsortorder) from pg_enum where enumtypid = t.oid), '')
                from pg_type t join pg_namespace n on n.oid = t.typnamespace
               where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and t.typtype in ('e', 'd', 'c', 'r')
              union all
              select 'policy ' || polrelid::regclass || ' ' || polname || ' ' || coalesce(pg_get_expr(polqual, polrelid), '')
                     || ' ' || coalesce(pg_get_expr(polwithcheck, polrelid), '') from pg_policy
              union all
              select 'trigger ' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal
            ) lines
            """;

    private SchemaDump() {
    }

    /** The schema of {@code database} as text. */
    static String of(ThrowawayDatabase database) throws SQLException, IOException, InterruptedException {
        Path pgDump = pgDump(database.server().majorVersion());
        return pgDump != null ? pgDump(pgDump, database) : fingerprint(database);
    }

    /** Which of the two {@link #of} uses for the server's version, for messages. */
    static String method(ThrowawayDatabase database) {
        Path pgDump = pgDump(database.server().majorVersion());
        return pgDump != null ? pgDump.toString() : "a catalog fingerprint (no pg_dump " + database.server().majorVersion() + ")";
    }

    private static Path pgDump(int major) {
        for (Path candidate : List.of(Path.of("/usr/lib/postgresql/" + major + "/bin/pg_dump"),
                Path.of("/var/tmp/schemaguard-pg/pg" + major + "/bin/pg_dump"))) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String pgDump(Path pgDump, ThrowawayDatabase database) throws IOException, InterruptedException {
        URI url = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        Map<String, String> parameters = parameters(url.getRawQuery());
        Path out = Files.createTempFile("schemaguard-dump", ".sql");
        try {
            ProcessBuilder builder = new ProcessBuilder(pgDump.toString(), "--schema-only", "--no-owner",
                    "--host", url.getHost(), "--port", String.valueOf(url.getPort()),
                    "--username", parameters.getOrDefault("user", "postgres"), "--dbname", database.name(),
                    "--file", out.toString());
            builder.environment().put("PGPASSWORD", parameters.getOrDefault("password", ""));
            builder.redirectErrorStream(true);
            Process process = builder.start();
            String messages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(pgDump + " failed: " + messages);
            }
            // pg_dump 15.14+ writes restrict and unrestrict meta-commands with a random key on every run
            return Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
                    .collect(Collectors.joining("\n"));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals),
                            java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static String fingerprint(ThrowawayDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(FINGERPRINT)) {
            row.next();
            return row.getString(1);
        }
    }
}
