package dev.schemaguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --online} on diff and check: the recipes, which statements run outside a transaction, and the fallbacks. */
class OnlineCliTest {

    private static final String OLD = """
            create table customers (id int primary key, email text);
            create table orders (id int primary key, customer_id int, total int);
            create table events (at int not null, kind text) partition by range (at);
            create table events_1 partition of events for values from (0) to (100);
            """;
    private static final String NEW = """
            create table customers (id int primary key, email text not null);
            create table orders (id int primary key, customer_id int references customers (id), total int check (total >= 0));
            create index orders_customer_idx on orders (customer_id);
            create table events (at int not null, kind text) partition by range (at);
            create table events_1 partition of events for values from (0) to (100);
            create index events_kind_idx on events (kind);
            """;

    @Test
    void diffSqlPrintsTheOnlineRecipeAndMarksWhatRunsOutsideATransaction() throws Exception {
        try (ThrowawayDatabase from = Fixtures.database(OLD); ThrowawayDatabase to = Fixtures.database(NEW)) {
            CliRun run = CliRun.of("diff", "--from", from.jdbcUrl(), "--to", to.jdbcUrl(), "--format", "sql", "--online");

            assertEquals(ExitCode.DRIFT, run.exitCode(), run::toString);
            String out = run.out();
            assertTrue(out.contains("-- runs outside a transaction\nCREATE INDEX CONCURRENTLY orders_customer_idx ON public.orders"),
                    run::toString);
            assertTrue(out.contains("FOREIGN KEY (customer_id) REFERENCES public.customers (id) NOT VALID;"), run::toString);
            assertTrue(out.contains("ALTER TABLE public.orders VALIDATE CONSTRAINT orders_customer_id_fkey;"), run::toString);
            assertTrue(out.contains("CHECK ((total >= 0)) NOT VALID;"), run::toString);
            assertTrue(out.contains("ADD CONSTRAINT customers_email_not_null_helper CHECK (email IS NOT NULL) NOT VALID;\n"
                    + "ALTER TABLE public.customers VALIDATE CONSTRAINT customers_email_not_null_helper;\n"
                    + "ALTER TABLE public.customers ALTER COLUMN email SET NOT NULL;\n"
                    + "ALTER TABLE public.customers DROP CONSTRAINT customers_email_not_null_helper;"), run::toString);
            assertTrue(out.contains("-- not online: PostgreSQL cannot build an index of a partitioned table concurrently"
                    + "; it holds SHARE on every partition while it builds\nCREATE INDEX events_kind_idx ON public.events"), run::toString);

            CliRun plain = CliRun.of("diff", "--from", from.jdbcUrl(), "--to", to.jdbcUrl(), "--format", "sql");
            assertFalse(plain.out().contains("CONCURRENTLY") || plain.out().contains("NOT VALID")
                    || plain.out().contains("-- "), plain::toString);
        }
    }

    @Test
    void checkJsonSaysWhichStatementsAreNotTransactionalAndWhichAreNotOnline() throws Exception {
        try (ThrowawayDatabase db = Fixtures.database(OLD); ThrowawayDatabase expected = Fixtures.database(NEW)) {
            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.jdbcUrl(), "--format", "json", "--online");

            assertEquals(ExitCode.DRIFT, run.exitCode(), run::toString);
            List<String> outside = new ArrayList<>();
            List<String> notOnline = new ArrayList<>();
            for (JsonNode change : new ObjectMapper().readTree(run.out()).get("changes")) {
                for (JsonNode statement : change.get("statements")) {
                    if (!statement.get("transactional").asBoolean()) {
                        outside.add(statement.get("sql").asText());
                    }
                    if (statement.get("hazards").toString().contains("NOT_ONLINE")) {
                        notOnline.add(statement.get("description").asText());
                    }
                }
            }
            assertEquals(List.of("CREATE INDEX CONCURRENTLY orders_customer_idx ON public.orders USING btree (customer_id)"),
                    outside, run::toString);
            assertEquals(1, notOnline.size(), run::toString);
            assertTrue(notOnline.get(0).contains("not online: PostgreSQL cannot build an index of a partitioned table"),
                    run::toString);
        }
    }
}
