package dev.schemaguard.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey.ReferentialAction;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.TableBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Model → YAML → model is the identity, for models using every part the YAML format covers. */
class YamlRoundTripProperties {

    /** Names that need quoting in SQL or YAML, or both. */
    private static final List<String> NAMES = List.of(
            "id", "email", "org_id", "Mixed Case", "with space", "quo\"te", "it's", "select", "user", "order",
            "naïve", "日本語", "a".repeat(63), "é".repeat(31) + "x", "yes", "no", "null", "true", "~", "#x", "a: b",
            " leading", "trailing ", "-dash", "123", "1e3", "on", "[x]", "{y}", "a,b", "key:", "&anchor", "*star",
            "!bang", "%pct", "@at", "`tick", "|pipe", ">gt", "?q", "...", "---", "<<", "=", "not null", "unique",
            "references", "default", "primary key", "tab\there", "x#y", "émoji😀");

    private static final List<String> TYPES = List.of(
            "integer", "bigint", "smallint", "text", "varchar(255)", "numeric(10,2)", "timestamptz",
            "timestamp(3) with time zone", "time without time zone", "text[]", "int[][]", "double precision", "uuid",
            "jsonb", "bit varying(5)", "\"My Type\"", "app.mood", "\"Sch ema\".\"T y\"[]", "bigserial", "serial",
            "character(3)", "interval", "boolean", "bytea", "\"select\"");

    private static final List<String> EXPRESSIONS = List.of(
            "now()", "0", "'draft'::text", "'a: b #c'::text", "'not null'::text", "nextval('s'::regclass)", "(1 + 2)",
            "NULL::text", "'x'::text COLLATE \"C\"", "1 unique 2", "'yes'::text", "gen_random_uuid()",
            "'it''s'::text", "ARRAY['a'::text, 'b'::text]", "CURRENT_TIMESTAMP", "'multi\nline'::text");

    private static final List<String> CONDITIONS = List.of(
            "(price > 0)", "(a IS NOT NULL)", "('yes'::text <> b)", "(length(name) < 100)", "true",
            "(org_id = current_setting('app.org'::text)::uuid)", "(x = ANY (ARRAY[1, 2]))");

    private static final List<String> TEXTS = List.of(
            "plain comment", "yes", "null", "#x", "a: b", " leading", "trailing ", "line one\nline two", "tab\there",
            "quote ' and \"", "😀 emoji", "123", "- dash", "'single'", "\"double\"", "back\\slash", "{}", "[]");

    @Property(tries = 200)
    void writingThenReadingGivesTheSameModel(@ForAll("databases") Database database) {
        String yaml = YamlSchemaWriter.write(database);
        Database back = YamlSchemaReader.readString(yaml, "generated.yaml");
        if (!database.equals(back)) {
            String want = database.toString();
            String got = back.toString();
            int at = 0;
            while (at < Math.min(want.length(), got.length()) && want.charAt(at) == got.charAt(at)) {
                at++;
            }
            int from = Math.max(0, at - 150);
            throw new AssertionError("models differ at\n  expected ..." + want.substring(from, Math.min(want.length(), at + 150))
                    + "\n  actual   ..." + got.substring(from, Math.min(got.length(), at + 150)) + "\n" + yaml);
        }
        assertTrue(SchemaDiff.compare(database, back).isEmpty(), yaml);
        assertEquals(yaml, YamlSchemaWriter.write(back), "writing is deterministic");
    }

    @Provide
    Arbitrary<Database> databases() {
        return Arbitraries.randomValue(YamlRoundTripProperties::database);
    }

    private static Database database(Random random) {
        while (true) {
            try {
                List<Schema> schemas = new ArrayList<>();
                for (String schemaName : distinct(random, NAMES, random.nextInt(3) + 1)) {
                    List<Table> tables = new ArrayList<>();
                    for (String tableName : distinct(random, NAMES, random.nextInt(4))) {
                        tables.add(table(random, schemaName, tableName));
                    }
                    tables.sort(Comparator.comparing(Table::name));
                    schemas.add(new Schema(schemaName, tables, maybe(random, TEXTS)));
                }
                schemas.sort(Comparator.comparing(Schema::name));
                return new Database(schemas);
            } catch (IllegalArgumentException clash) {
                // a random explicit name clashed with another; draw again
            }
        }
    }

    private static Table table(Random random, String schema, String name) {
        List<String> columns = distinct(random, NAMES, random.nextInt(5) + 1);
        return Table.named(name, t -> {
            List<String> key = random.nextInt(3) == 0 ? List.of() : distinct(random, columns, 1 + random.nextInt(Math.min(2, columns.size())));
            for (String column : columns) {
                column(random, t, column, key.contains(column));
            }
            if (!key.isEmpty()) {
                var primaryKey = t.primaryKey(key.toArray(String[]::new));
                if (random.nextInt(3) == 0) {
                    primaryKey.named(pick(random, NAMES));
                }
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                var unique = t.unique(distinct(random, columns, 1 + random.nextInt(columns.size())).toArray(String[]::new));
                if (random.nextInt(3) == 0) {
                    unique.named(pick(random, NAMES));
                }
                if (random.nextInt(4) == 0) {
                    unique.nullsNotDistinct();
                }
                switch (random.nextInt(4)) {
                    case 0 -> unique.deferrable();
                    case 1 -> unique.initiallyDeferred();
                    default -> { }
                }
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                List<String> from = distinct(random, columns, 1 + random.nextInt(Math.min(2, columns.size())));
                List<String> to = distinct(random, NAMES, from.size());
                QualifiedName target = QualifiedName.of(random.nextBoolean() ? schema : pick(random, NAMES), pick(random, NAMES));
                var foreignKey = t.foreignKey(from.toArray(String[]::new)).references(target, to.toArray(String[]::new))
                        .onDelete(pick(random, List.of(ReferentialAction.values())))
                        .onUpdate(pick(random, List.of(ReferentialAction.values())));
                if (random.nextInt(3) == 0) {
                    foreignKey.named(pick(random, NAMES));
                }
                if (random.nextInt(4) == 0) {
                    foreignKey.matchFull();
                }
                switch (random.nextInt(4)) {
                    case 0 -> foreignKey.deferrable();
                    case 1 -> foreignKey.initiallyDeferred();
                    default -> { }
                }
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                var check = t.check(random.nextBoolean() ? pick(random, CONDITIONS) : "(" + dev.schemaguard.model.Identifiers.quote(pick(random, columns)) + " > 0)");
                if (random.nextInt(3) == 0) {
                    check.named(pick(random, NAMES));
                }
                if (random.nextInt(4) == 0) {
                    check.noInherit();
                }
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                List<IndexKey> keys = new ArrayList<>();
                for (int k = random.nextInt(2) + 1; k > 0; k--) {
                    IndexKey indexKey = random.nextInt(3) == 0
                            ? IndexKey.expression(pick(random, List.of("lower(email)", "(a + b)", "(data ->> 'k'::text)", "upper(\"Mixed Case\")")))
                            : IndexKey.column(pick(random, columns));
                    if (random.nextBoolean()) {
                        indexKey = indexKey.desc();
                    }
                    if (random.nextInt(3) == 0) {
                        indexKey = indexKey.nullsFirst(random.nextBoolean());
                    }
                    if (random.nextInt(3) == 0) {
                        indexKey = indexKey.withOpclass(pick(random, List.of("text_pattern_ops", "Odd Ops", "jsonb_path_ops")));
                    }
                    keys.add(indexKey);
                }
                var index = t.index(keys.toArray(IndexKey[]::new));
                if (random.nextInt(3) == 0) {
                    index.named(pick(random, NAMES));
                }
                if (random.nextBoolean()) {
                    index.unique();
                }
                if (random.nextInt(3) == 0) {
                    index.using(pick(random, List.of("hash", "gin", "gist", "brin", "btree")));
                }
                if (random.nextInt(3) == 0) {
                    index.include(distinct(random, columns, 1).toArray(String[]::new));
                }
                if (random.nextInt(3) == 0) {
                    index.where(pick(random, CONDITIONS));
                }
                if (random.nextInt(4) == 0) {
                    index.nullsNotDistinct();
                }
            }
            RowSecurity rowSecurity = pick(random, List.of(RowSecurity.OFF, new RowSecurity(true, false),
                    new RowSecurity(true, true), new RowSecurity(false, true)));
            if (rowSecurity.enabled()) {
                t.rowLevelSecurity();
            }
            if (rowSecurity.forced()) {
                t.forceRowLevelSecurity();
            }
            for (String policyName : distinct(random, NAMES, random.nextInt(3))) {
                var policy = t.policy(policyName).forCommand(pick(random, List.of(Policy.Command.values())))
                        .to(distinct(random, List.of("app_user", "Admin Role", "yes", "null"), random.nextInt(3)).toArray(String[]::new));
                if (random.nextBoolean()) {
                    policy.restrictive();
                }
                if (random.nextBoolean()) {
                    policy.using(pick(random, CONDITIONS));
                }
                if (random.nextBoolean()) {
                    policy.withCheck(pick(random, CONDITIONS));
                }
            }
            t.comment(maybe(random, TEXTS));
        });
    }

    private static void column(Random random, TableBuilder table, String name, boolean inPrimaryKey) {
        DataType type = DataType.parse(pick(random, TYPES));
        var column = table.column(name, type);
        if (inPrimaryKey || random.nextBoolean()) {
            column.notNull();
        }
        boolean integer = type.name().equals("integer") || type.name().equals("bigint") || type.name().equals("smallint");
        switch (random.nextInt(integer && type.arrayDimensions() == 0 ? 4 : 3)) {
            case 0 -> column.defaultValue(pick(random, EXPRESSIONS));
            case 1 -> column.generatedAs(pick(random, List.of("price * 2", "(a || ' '::text) || b", "lower(\"Mixed Case\")")));
            case 3 -> column.identity(new Identity(pick(random, List.of(Identity.Generation.values())), random.nextBoolean()
                    ? SequenceOptions.DEFAULTS
                    : new SequenceOptions(maybeLong(random), maybeLong(random), maybeLong(random), maybeLong(random),
                    maybeLong(random), random.nextBoolean())));
            default -> { }
        }
        if (random.nextInt(4) == 0) {
            column.collate(pick(random, List.of("\"C\"", "\"en_US\"", "\"und-x-icu\"", "\"de_DE.utf8\"", "public.mine", "\"My Schema\".\"Coll\"")));
        }
        column.comment(random.nextInt(4) == 0 ? pick(random, TEXTS) : null);
    }

    private static Long maybeLong(Random random) {
        return random.nextBoolean() ? null : (long) random.nextInt(2000) - 1000;
    }

    private static String maybe(Random random, List<String> values) {
        return random.nextBoolean() ? null : pick(random, values);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> distinct(Random random, List<String> values, int count) {
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(count, values.size())) {
            chosen.add(pick(random, values));
        }
        return new ArrayList<>(chosen);
    }
}
