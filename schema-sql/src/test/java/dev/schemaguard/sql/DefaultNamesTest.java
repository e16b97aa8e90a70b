package dev.schemaguard.sql;

import static dev.schemaguard.model.DataTypes.integer;
import static dev.schemaguard.model.DataTypes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Table;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The names the DSL (and so a YAML file) gives constraints and indexes left unnamed are the names PostgreSQL gives
 * them: the same table is created by PostgreSQL from SQL with nothing named, and built with the DSL with nothing
 * named, and the names must agree, clashes and 63-byte truncation included.
 */
class DefaultNamesTest {

    private static final String LONG_TABLE = "a_table_name_that_is_long_enough_to_be_cut_when_a_label_is_add";
    private static final String LONG_COLUMN = "a_column_name_that_is_also_long_enough_to_be_cut_down_by_postg";

    static Stream<Named<PostgresServer>> servers() {
        return TestPostgres.all().stream().map(server -> Named.of(server.label(), server));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void unnamedChecksUniquesForeignKeysAndIndexesGetPostgresNames(PostgresServer server) throws SQLException {
        assertSameNames(server, """
                create table parent (id int primary key, code text unique);
                create table orders (
                    id int primary key,
                    a int, b int, c text,
                    unique (a), unique (a, b),
                    check (a > 0), check (a > b), check (true), check (a < 100), check (c in ('a', 'b')),
                    check (b > 0 and c <> 'a'), check (c <> 'b' or c is null),
                    foreign key (a) references parent (id), foreign key (c) references parent (code),
                    foreign key (a) references parent (id)
                );
                create index on orders (a);
                create index on orders (a, b);
                create index on orders (lower(c));
                create index on orders ((a + b));
                create index on orders (a);
                """, "orders", t -> {
            t.column("id", integer()).primaryKey();
            t.column("a", integer());
            t.column("b", integer());
            t.column("c", text());
            t.unique("a");
            t.unique("a", "b");
            t.check("a > 0");
            t.check("a > b");
            t.check("true");
            t.check("a < 100");
            t.check("c in ('a', 'b')");
            t.check("b > 0 and c <> 'a'");
            t.check("c <> 'b' or c is null");
            t.foreignKey("a").references(QualifiedName.of("public", "parent"), "id");
            t.foreignKey("c").references(QualifiedName.of("public", "parent"), "code");
            t.foreignKey("a").references(QualifiedName.of("public", "parent"), "id");
            t.index("a");
            t.index("a", "b");
            t.index(IndexKey.expression("lower(c)"));
            t.index(IndexKey.expression("a + b"));
            t.index("a");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void longNamesAreCutAsPostgresCutsThem(PostgresServer server) throws SQLException {
        assertSameNames(server, "create table " + LONG_TABLE + " (" + LONG_COLUMN + " int primary key, other int,"
                + " unique (" + LONG_COLUMN + ", other), check (" + LONG_COLUMN + " > 0), check (" + LONG_COLUMN + " > 1),"
                + " check (other > " + LONG_COLUMN + "));"
                + " create index on " + LONG_TABLE + " (" + LONG_COLUMN + ");"
                + " create index on " + LONG_TABLE + " (" + LONG_COLUMN + ");", LONG_TABLE, t -> {
            t.column(LONG_COLUMN, integer()).primaryKey();
            t.column("other", integer());
            t.unique(LONG_COLUMN, "other");
            t.check(LONG_COLUMN + " > 0");
            t.check(LONG_COLUMN + " > 1");
            t.check("other > " + LONG_COLUMN);
            t.index(LONG_COLUMN);
            t.index(LONG_COLUMN);
        });
    }

    private static void assertSameNames(PostgresServer server, String sql, String tableName,
                                        Consumer<dev.schemaguard.model.TableBuilder> dsl) throws SQLException {
        Table built = Table.named(tableName, dsl);
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(sql);
            Table read;
            try (Connection connection = db.connect()) {
                read = new PostgresIntrospector(IntrospectionOptions.only("public")).introspect(connection)
                        .table(QualifiedName.of("public", tableName)).orElseThrow();
            }
            assertEquals(names(read), names(built), "constraint and index names PostgreSQL gave " + tableName);
        }
    }

    /** Each constraint and index name with what it is on, in a fixed order. */
    private static List<String> names(Table table) {
        Stream<String> constraints = table.constraints().stream().map(c -> c.kind() + " " + c.name() + " " + describe(c));
        Stream<String> indexes = table.indexes().stream().map(i -> "index " + i.name() + " " + i.keys().size());
        return Stream.concat(constraints, indexes).sorted().toList();
    }

    private static String describe(dev.schemaguard.model.Constraint constraint) {
        if (constraint instanceof dev.schemaguard.model.CheckConstraint check) {
            return "check";
        }
        if (constraint instanceof dev.schemaguard.model.ForeignKey foreignKey) {
            return foreignKey.columns().toString();
        }
        if (constraint instanceof dev.schemaguard.model.UniqueConstraint unique) {
            return unique.columns().toString();
        }
        return "";
    }
}
