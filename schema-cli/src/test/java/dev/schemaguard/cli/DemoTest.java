package dev.schemaguard.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code schemaguard demo} needs nothing: it brings its own server, database and schema. */
class DemoTest {

    @Test
    void findsTheDriftFixesItAndChecksCleanOnAnEmbeddedServer() {
        CliRun run = CliRun.withEmbeddedDefault("demo");

        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        String out = run.out();
        for (String drift : new String[] {"missing table public.products", "missing table public.order_items",
                "missing column public.tenants.created_at", "missing column public.orders.created_at",
                "missing index orders_customer_id_idx", "missing policy tenant_isolation on public.orders",
                "public.orders.total"}) {
            assertTrue(out.contains(drift), () -> "the first check reports " + drift + "\n" + run);
        }
        assertTrue(out.contains("[exit status 1: drift]"), run::toString);
        assertTrue(out.contains("CREATE TABLE"), "fix's SQL is shown\n" + run);
        assertTrue(out.indexOf("[exit status 0]", out.indexOf("4. Check again")) > 0, "the last check is clean\n" + run);
        assertTrue(out.contains("./schemaguard check --db"), "the user's next commands are shown\n" + run);
        assertTrue(out.contains("stopped"), run::toString);
        assertFalse(java.util.regex.Pattern.compile("password=(?!\\*\\*\\*)").matcher(out + run.err()).find(),
                () -> "the embedded server's password is shown\n" + run);
    }
}
