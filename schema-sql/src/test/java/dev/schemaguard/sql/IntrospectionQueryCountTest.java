package dev.schemaguard.sql;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Introspection runs the same small number of catalog queries for 10 tables (and other objects) as for 1,000. */
class IntrospectionQueryCountTest {

    /**
     * What the introspector needs today, measured: 18 statements, two of them for its read-only transaction (casts
     * added one, text search dictionaries and configurations one, foreign-data wrappers and servers one; aggregates
     * are read with the routines). Far less than one query per table.
     */
    private static final int MAX_STATEMENTS = 18;

    /** A role ThrowawayDatabase makes sure exists. */
    private static final String ROLE = ThrowawayDatabase.TEST_ROLE;

    @Test
    void statementCountDoesNotGrowWithTheNumberOfTables() throws SQLException {
        Counted small = introspectTables(10);
        Counted large = introspectTables(1_000);
        System.out.printf("Introspection statements: 10 tables (with views, sequences, enums, functions, triggers, collations) -> %d prepared, %d executed;"
                        + " 1,000 tables -> %d prepared, %d executed%n",
                small.counter.created, small.counter.executed, large.counter.created, large.counter.executed);

        assertEquals(10, small.database.tableCount());
        assertEquals(1_000, large.database.tableCount(), "the 1,000-table model has every table");
        Schema app = large.database.schema("app").orElseThrow();
        assertEquals(1_000, app.views().size(), "views");
        assertEquals(1_000, app.sequences().size(), "sequences");
        assertEquals(100, app.enums().size(), "enums");
        assertEquals(101, app.routines().size(), "functions: one per ten tables, and the trigger function");
        assertEquals(100, app.collations().size(), "collations, read with the schemas");
        assertEquals(100, app.textSearchDictionaries().size(), "text search dictionaries");
        assertEquals(100, app.textSearchConfigurations().size(), "text search configurations");
        assertTrue(app.textSearchConfigurations().stream().allMatch(c -> c.mappings().size() == 3), "each with its three mappings");
        assertEquals(100, app.views().stream().filter(v -> v.triggers().size() == 1).count(), "views with a trigger");
        assertEquals(List.of(), large.unsupported, "nothing left out");
        for (Table table : app.tables()) {
            assertEquals(4, table.columns().size(), table.name());
            assertEquals(1, table.foreignKeys().size(), table.name());
            assertEquals(1, table.checkConstraints().size(), table.name());
            assertEquals(1, table.indexes().size(), table.name());
            assertEquals(1, table.policies().size(), table.name());
            assertTrue(table.primaryKey() != null && table.rowSecurity().enabled(), table.name());
            assertEquals(1, table.triggers().size(), table.name());
        }
        assertEquals(small.counter.executed, large.counter.executed, "statements executed");
        assertEquals(small.counter.created, large.counter.created, "statements prepared or created");
        assertTrue(large.counter.executed <= MAX_STATEMENTS,
                "introspection executed " + large.counter.executed + " statements; expected at most " + MAX_STATEMENTS);
        assertEquals(List.of(), app.grants(), "no grants unless privileges are asked for");

        Schema withGrants = large.withPrivileges.database.schema("app").orElseThrow();
        assertEquals(1_000 + 1_000 + 100 + 100 + 1, withGrants.grants().size(),
                "a table grant and a sequence grant per table, a column grant and a revoked EXECUTE per tenth, one on the schema");
        assertEquals(List.of(), large.withPrivileges.unsupported, "nothing left out with privileges either");
        assertEquals(large.counter.executed, large.withPrivileges.counter.executed, "reading privileges adds no statement");
        assertEquals(small.withPrivileges.counter.executed, large.withPrivileges.counter.executed,
                "statements executed with privileges");
    }

    private record Counted(Database database, List<String> unsupported, StatementCounter counter, Counted withPrivileges) {
    }

    private static Counted introspectTables(int tables) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute(script(tables));
            try (Connection real = db.connect()) {
                Counted withPrivileges = introspect(real, IntrospectionOptions.only("app").withPrivileges(), null);
                return introspect(real, IntrospectionOptions.only("app"), withPrivileges);
            }
        }
    }

    private static Counted introspect(Connection real, IntrospectionOptions options, Counted withPrivileges) throws SQLException {
        StatementCounter counter = new StatementCounter();
        IntrospectionResult result = new PostgresIntrospector(options).introspectWithReport(counter.wrap(real));
        return new Counted(result.database(), result.unsupported(), counter, withPrivileges);
    }

    /**
     * Tables t0..tN-1, each with a primary key, a foreign key to t0, a check, an index, a policy, a trigger, a
     * view and a sequence, granted to the fixtures' role; for every tenth table also an enum, a function whose
     * EXECUTE is revoked from PUBLIC, a column grant, a collation, a trigger on the view, a text search dictionary and
     * a text search configuration mapping three token types.
     */
    static String script(int tables) {
        StringBuilder sql = new StringBuilder("create schema app;\n")
                .append("grant usage on schema app to ").append(ROLE).append(";\n")
                .append("create function app.touch() returns trigger language plpgsql as $$ begin return new; end $$;\n");
        for (int i = 0; i < tables; i++) {
            String table = "app.t" + i;
            sql.append("create table ").append(table).append(" (id int primary key, t0_id int references app.t0 (id),")
                    .append(" name text not null, amount int check (amount >= 0));\n")
                    .append("create index on ").append(table).append(" (name);\n")
                    .append("alter table ").append(table).append(" enable row level security;\n")
                    .append("create policy positive on ").append(table).append(" using (amount > 0);\n")
                    .append("create trigger touch before update on ").append(table)
                    .append(" for each row execute function app.touch();\n")
                    .append("create view app.v").append(i).append(" as select id, name from ").append(table).append(";\n")
                    .append("create sequence app.s").append(i).append(";\n")
                    .append("grant select on ").append(table).append(" to ").append(ROLE).append(";\n")
                    .append("grant usage on sequence app.s").append(i).append(" to ").append(ROLE).append(";\n");
            if (i % 10 == 0) {
                sql.append("create collation app.c").append(i).append(" (provider = icu, locale = 'en-u-kn-true');\n")
                        .append("create trigger instead_insert instead of insert on app.v").append(i)
                        .append(" for each row execute function app.touch();\n");
                sql.append("create text search dictionary app.d").append(i).append(" (template = simple, accept = false);\n")
                        .append("create text search configuration app.ts").append(i).append(" (parser = default);\n")
                        .append("alter text search configuration app.ts").append(i).append(" add mapping for word, email with app.d")
                        .append(i).append(", simple;\n")
                        .append("alter text search configuration app.ts").append(i).append(" add mapping for url with simple;\n");
                sql.append("create type app.e").append(i).append(" as enum ('a', 'b');\n")
                        .append("create function app.f").append(i).append("(x integer) returns integer")
                        .append(" language sql as 'select x + ").append(i).append("';\n")
                        .append("revoke execute on function app.f").append(i).append("(integer) from public;\n")
                        .append("grant update (name) on ").append(table).append(" to ").append(ROLE).append(";\n");
            }
        }
        return sql.toString();
    }

    /**
     * Wraps a real connection so that every statement it creates ({@code createStatement}, {@code prepareStatement},
     * {@code prepareCall}) and every {@code execute*} call on such a statement is counted.
     */
    private static final class StatementCounter {
        int created;
        int executed;

        Connection wrap(Connection real) {
            return proxy(Connection.class, real, (method, result) -> {
                if (result instanceof Statement statement && method.getName().matches("createStatement|prepareStatement|prepareCall")) {
                    created++;
                    return proxy(statementInterface(statement), statement, (statementMethod, r) -> {
                        if (statementMethod.getName().startsWith("execute")) {
                            executed++;
                        }
                        return r;
                    });
                }
                return result;
            });
        }

        private static Class<? extends Statement> statementInterface(Statement statement) {
            if (statement instanceof java.sql.CallableStatement) {
                return java.sql.CallableStatement.class;
            }
            return statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        }

        @FunctionalInterface
        private interface AfterCall {
            Object apply(Method method, Object result) throws Throwable;
        }

        /**
         * A proxy of {@code type} that forwards to {@code target} and passes each result through {@code after}.
         * A call that throws goes through {@code after} too (with a null result), so a failing execute still counts.
         */
        private static <T> T proxy(Class<? extends T> type, T target, AfterCall after) {
            InvocationHandler handler = (proxy, method, args) -> {
                Object result;
                try {
                    result = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    after.apply(method, null);
                    throw e.getCause();
                }
                return after.apply(method, result);
            };
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
        }
    }
}
