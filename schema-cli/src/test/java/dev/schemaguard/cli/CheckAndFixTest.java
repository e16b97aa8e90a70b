package dev.schemaguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckAndFixTest {

    @TempDir
    Path dir;

    @Test
    void checkReportsEveryMissingTableColumnConstraintAndIndexInOneRun() throws Exception {
        Path expected = Fixtures.expectedYaml(Fixtures.SHOP, dir.resolve("shop.yaml"));
        try (ThrowawayDatabase db = Fixtures.database(Fixtures.SHOP_PARTIAL)) {
            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString());

            assertEquals(ExitCode.DRIFT, run.exitCode(), run::toString);
            String out = run.out();
            assertTrue(out.contains("missing table public.orders"), run::toString);
            assertTrue(out.contains("missing table public.order_notes"), run::toString);
            assertTrue(out.contains("missing column public.customers.email"), run::toString);
            assertTrue(out.contains("missing unique constraint customers_email_key on public.customers"), run::toString);
            assertTrue(out.contains("ALTER TABLE"), "each difference comes with its SQL fix\n" + run);
            assertTrue(out.contains("CREATE TABLE"), run::toString);
            assertTrue(out.contains("CREATE INDEX orders_created_at_idx"), run::toString);
            assertFalse(out.contains("\u001b["), "no colour when stdout is not a terminal");
            assertTrue(run.err().isEmpty(), run::toString);
        }
    }

    @Test
    void checkReportsATableThatShouldBeUnloggedWithItsFix() throws Exception {
        Path expected = Fixtures.expectedYaml("create unlogged table hits (n int);", dir.resolve("hits.yaml"));
        assertTrue(Files.readString(expected).contains("unlogged: true"), "the snapshot says the table is unlogged");
        try (ThrowawayDatabase db = Fixtures.database("create table hits (n int);")) {
            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString());

            assertEquals(ExitCode.DRIFT, run.exitCode(), run::toString);
            assertTrue(run.out().contains("public.hits is logged, expected unlogged"), run::toString);
            assertTrue(run.out().contains("ALTER TABLE public.hits SET UNLOGGED"), run::toString);
        }
    }

    @Test
    void checkReportsSequencesTypesAndViewsWithTheirFixAndKeepsTheRest() throws Exception {
        Path expected = Fixtures.expectedYaml("""
                create type mood as enum ('sad', 'ok', 'happy');
                create sequence ticket_numbers start 100;
                create table t (id int primary key, m mood, note text);
                create view happy_t as select id from t where m = 'happy';
                create function insert_happy() returns trigger language plpgsql as
                    $$ begin insert into t (id, m) values (new.id, 'happy'); return new; end $$;
                create trigger happy_insert instead of insert on happy_t for each row execute function insert_happy();
                """, dir.resolve("objects.yaml"));
        try (ThrowawayDatabase db = Fixtures.database("""
                create type mood as enum ('sad', 'happy');
                create table t (id int primary key, m mood);
                create view happy_t as select id from t where m = 'happy';
                create function insert_happy() returns trigger language plpgsql as
                    $$ begin insert into t (id, m) values (new.id, 'happy'); return new; end $$;
                """)) {
            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString());

            assertEquals(ExitCode.DRIFT, run.exitCode(), run::toString);
            String out = run.out();
            assertTrue(out.contains("missing column public.t.note"), run::toString);
            assertTrue(out.contains("ALTER TABLE public.t ADD COLUMN note text"), run::toString);
            assertTrue(out.contains("missing sequence public.ticket_numbers"), run::toString);
            assertTrue(out.contains("CREATE SEQUENCE public.ticket_numbers"), run::toString);
            assertTrue(out.contains("ALTER TYPE public.mood ADD VALUE 'ok'"), run::toString);
            assertFalse(out.contains("DROP VIEW"), "the view that matches is left alone\n" + run);
            assertTrue(out.contains("missing trigger happy_insert on public.happy_t"), run::toString);
            assertTrue(out.contains("CREATE TRIGGER happy_insert"), run::toString);
            assertTrue(run.err().isEmpty(), run::toString);
        }
    }

    @Test
    void jsonListsEveryChangeWithItsSql() throws Exception {
        Path expected = Fixtures.expectedYaml(Fixtures.SHOP, dir.resolve("shop.yaml"));
        try (ThrowawayDatabase db = Fixtures.database(Fixtures.SHOP_PARTIAL)) {
            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--format", "json");

            assertEquals(ExitCode.DRIFT, run.exitCode(), run::toString);
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertEquals("drift", json.get("status").asText());
            List<String> kinds = new ArrayList<>();
            for (JsonNode change : json.get("changes")) {
                kinds.add(change.get("kind").asText() + " " + change.get("subject").asText());
                assertFalse(change.get("description").asText().isBlank());
                assertTrue(change.get("sql").size() > 0, () -> "no SQL for " + change);
                assertEquals(change.get("sql").size(), change.get("statements").size(), change::toString);
                for (JsonNode statement : change.get("statements")) {
                    assertTrue(statement.get("transactional").asBoolean(), statement::toString);
                    assertEquals("planned", statement.get("cause").asText(), statement::toString);
                }
            }
            JsonNode addColumn = json.get("changes").get(0).get("statements").get(0);
            assertTrue(addColumn.get("sql").asText().startsWith("ALTER TABLE public.customers ADD COLUMN"), addColumn::toString);
            assertEquals("ACCESS EXCLUSIVE", addColumn.get("locks").get("public.customers").asText(), addColumn::toString);
            assertEquals(List.of(
                    "ColumnAdded public.customers",
                    "ConstraintAdded public.customers",
                    "TableAdded public.order_notes",
                    "TableAdded public.orders"), kinds);
            assertEquals(4, json.get("summary").get("changes").asInt());
            assertEquals(3, json.get("summary").get("subjects").asInt());
        }
    }

    @Test
    void fixOutputAppliedMakesTheNextCheckPass() throws Exception {
        Path expected = Fixtures.expectedYaml(Fixtures.SHOP, dir.resolve("shop.yaml"));
        try (ThrowawayDatabase db = Fixtures.database(Fixtures.SHOP_PARTIAL)) {
            Path fix = dir.resolve("fix.sql");
            CliRun run = CliRun.of("fix", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--output", fix.toString());
            assertEquals(ExitCode.OK, run.exitCode(), run::toString);
            String sql = Files.readString(fix);
            assertFalse(sql.toUpperCase().contains("DROP "), sql);

            db.execute(sql);

            CliRun check = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, check.exitCode(), () -> "after running\n" + sql + "\n" + check);
            assertTrue(check.out().startsWith("OK"), check::toString);
        }
    }

    @Test
    void fixNeverDropsOrAltersAndSaysWhatItLeftOut() throws Exception {
        Path expected = Fixtures.expectedYaml("create table t (id int primary key, a text);", dir.resolve("t.yaml"));
        try (ThrowawayDatabase db = Fixtures.database("create table t (id int primary key, a int, extra text);")) {
            CliRun run = CliRun.of("fix", "--db", db.jdbcUrl(), "--expected", expected.toString());

            assertEquals(ExitCode.OK, run.exitCode(), run::toString);
            assertTrue(run.out().contains("-- nothing to add"), run::toString);
            assertTrue(run.out().contains("-- not included"), run::toString);
            String statements = run.out().lines().filter(l -> !l.startsWith("--")).reduce("", String::concat);
            assertEquals("", statements.trim(), run::toString);
        }
    }

    @Test
    void matchingDatabaseExitsZeroInTextAndJson() throws Exception {
        Path expected = Fixtures.expectedYaml(Fixtures.SHOP, dir.resolve("shop.yaml"));
        try (ThrowawayDatabase db = Fixtures.database(Fixtures.SHOP)) {
            CliRun text = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, text.exitCode(), text::toString);

            CliRun json = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--format", "json");
            assertEquals(ExitCode.OK, json.exitCode(), json::toString);
            JsonNode root = new ObjectMapper().readTree(json.out());
            assertEquals("ok", root.get("status").asText());
            assertEquals(0, root.get("changes").size());
        }
    }

    @Test
    void unexpectedObjectsAreDriftWithDestructiveSqlMarked() throws Exception {
        Path expected = Fixtures.expectedYaml("create table t (id int primary key);", dir.resolve("t.yaml"));
        try (ThrowawayDatabase db = Fixtures.database("create table t (id int primary key, legacy text);")) {
            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString());

            assertEquals(ExitCode.DRIFT, run.exitCode(), run::toString);
            assertTrue(run.out().contains("unexpected column public.t.legacy"), run::toString);
            assertTrue(run.out().contains("DROP COLUMN legacy"), run::toString);
            assertTrue(run.out().contains("deletes data"), run::toString);
        }
    }

    @Test
    void aDroppedColumnAndTheConstraintOnItEachShowTheirOwnStatement() throws Exception {
        Path expected = Fixtures.expectedYaml("create table t (id int primary key);", dir.resolve("t.yaml"));
        try (ThrowawayDatabase db = Fixtures.database("create table t (id int primary key, legacy text unique);")) {
            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--format", "json");

            assertEquals(ExitCode.DRIFT, run.exitCode(), run::toString);
            JsonNode root = new ObjectMapper().readTree(run.out());
            JsonNode changes = root.get("changes");
            assertEquals(2, changes.size(), run::toString);
            assertEquals("ColumnDropped", changes.get(0).get("kind").asText());
            assertEquals("[\"ALTER TABLE public.t DROP COLUMN legacy\"]", changes.get(0).get("sql").toString(), run::toString);
            assertEquals("ConstraintDropped", changes.get(1).get("kind").asText());
            assertEquals("[\"ALTER TABLE public.t DROP CONSTRAINT t_legacy_key\"]", changes.get(1).get("sql").toString(),
                    run::toString);
            assertFalse(changes.get(1).has("sameFixAs"), run::toString);
            assertEquals(2, root.get("summary").get("statements").asInt(), run::toString);
        }
    }

    @Test
    void onlyTheSchemasTheExpectedSideDeclaresAreChecked() throws Exception {
        Path expected = Fixtures.expectedYaml("create table t (id int primary key);", dir.resolve("t.yaml"));
        try (ThrowawayDatabase db = Fixtures.database(
                "create table t (id int primary key); create schema other; create table other.x (id int);")) {
            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, run.exitCode(), run::toString);

            CliRun excluded = CliRun.of("diff", "--from", db.jdbcUrl(), "--to", db.jdbcUrl(), "--exclude-schema", "other");
            assertEquals(ExitCode.OK, excluded.exitCode(), excluded::toString);

            CliRun withOther = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(),
                    "--schema", "public", "--schema", "other");
            assertEquals(ExitCode.DRIFT, withOther.exitCode(), withOther::toString);
            assertTrue(withOther.out().contains("unexpected schema other"), withOther::toString);
        }
    }

    @Test
    void sqlSourceRunsInATemporaryDatabaseOnTheDevDbServer() throws Exception {
        Path script = dir.resolve("schema.sql");
        Files.writeString(script, Fixtures.SHOP);
        try (ThrowawayDatabase db = Fixtures.database(Fixtures.SHOP)) {
            String devDb = Fixtures.server().adminJdbcUrl();
            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", script.toString(), "--dev-db", devDb);
            assertEquals(ExitCode.OK, run.exitCode(), run::toString);

            Files.writeString(script, "create table a (id int);\ncreate table b (id nosuchtype);\n");
            CliRun broken = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", script.toString(), "--dev-db", devDb);
            assertEquals(ExitCode.ERROR, broken.exitCode(), broken::toString);
            assertTrue(broken.err().contains("schema.sql:2:"), broken::toString);
            assertTrue(broken.err().contains("nosuchtype"), broken::toString);
        }
    }
}
