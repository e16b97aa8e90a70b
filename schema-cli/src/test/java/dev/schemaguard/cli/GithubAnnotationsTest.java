package dev.schemaguard.cli;

import dev.schemaguard.sql.PlanOptions;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.testkit.ThrowawayDatabase;
import dev.schemaguard.yaml.DeclaredSchema;
import dev.schemaguard.yaml.YamlSchemaReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.schemaguard.model.DataTypes.integer;
import static dev.schemaguard.model.DataTypes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check --format github}: workflow command annotations placed in the expected YAML. */
class GithubAnnotationsTest {

    @TempDir
    Path dir;

    private static final String YAML = """
            tables:
              customers:
                columns:
                  id: bigint primary key
                  name: text not null
                  email: text
              orders:
                columns:
                  id: bigint primary key
            """;

    @Test
    void eachDifferenceIsOneErrorAtTheLineThatDeclaresIt() throws Exception {
        Path file = Files.writeString(dir.resolve("schema.yaml"), YAML);
        DeclaredSchema places = YamlSchemaReader.readDeclared(file);
        Database actual = Schema.named("public")
                .table("customers", t -> {
                    t.column("id", dev.schemaguard.model.DataTypes.bigint()).primaryKey();
                    t.column("name", text()).notNull();
                })
                .toDatabase();
        DriftReport report = DriftReport.between(places.database(), actual, PlanOptions.ALLOW_DROPS);

        List<String> lines = GithubAnnotations.write(report, "schema.yaml", "db", places).lines().toList();

        assertEquals(3, lines.size(), String.join("\n", lines));
        String where = "file=" + file.toString().replace(":", "%3A").replace(",", "%2C");
        assertEquals("::error " + where + ",line=6,col=14,title=Schema drift%3A public.customers::missing column"
                + " public.customers.email text%0A%0AFix:%0AALTER TABLE public.customers ADD COLUMN email text;",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("::error " + where + ",line=7,col=3,title=Schema drift%3A public.orders::"
                + "missing table public.orders"), lines.get(1));
        assertTrue(lines.get(1).contains("%0A%0AFix:%0ACREATE TABLE public.orders"), lines.get(1));
        assertEquals("DRIFT: 2 differences in 2 objects between db and schema.yaml", lines.get(2));
    }

    @Test
    void namesCannotStartACommandOfTheirOwn() {
        String hostile = "t\n::warning file=x::pwned, 100%";
        Database expected = Schema.named("public").table(hostile, t -> t.column("a", integer())).toDatabase();
        Database actual = Schema.named("public").toDatabase();
        String out = GithubAnnotations.write(DriftReport.between(expected, actual, PlanOptions.ALLOW_DROPS), "e", "a", null);

        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(0).startsWith("::error title=Schema drift%3A public.\"t%0A%3A%3Awarning file=x%3A%3Apwned%2C"
                + " 100%25\"::missing table public.\"t%0A::warning file=x::pwned, 100%25\""), lines.get(0));
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("::warning")), out);
    }

    @Test
    void aMatchingDatabaseIsOneOkLine() {
        Database same = Schema.named("public").table("t", t -> t.column("a", integer())).toDatabase();
        assertEquals("OK: a matches e\n", GithubAnnotations.write(DriftReport.between(same, same, PlanOptions.ALLOW_DROPS), "e", "a", null));
    }

    @Test
    void checkWritesAnnotationsAndExitsWithDrift() throws Exception {
        Path expected = Files.writeString(dir.resolve("schema.yaml"), YAML);
        try (ThrowawayDatabase db = Fixtures.database("create table customers (id bigint primary key, name text not null);")) {
            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--format", "github");

            assertEquals(ExitCode.DRIFT, run.exitCode(), run::toString);
            List<String> lines = run.out().lines().toList();
            assertEquals(3, lines.size(), run::toString);
            assertTrue(lines.get(0).startsWith("::error file="), run::toString);
            assertTrue(lines.get(0).contains(",line=6,col=14,title=Schema drift%3A public.customers::missing column"
                    + " public.customers.email text"), run::toString);
            assertTrue(lines.get(1).contains(",line=7,col=3,title=Schema drift%3A public.orders::"), run::toString);
            assertTrue(lines.get(2).startsWith("DRIFT: 2 differences in 2 objects"), run::toString);
        }
    }
}
