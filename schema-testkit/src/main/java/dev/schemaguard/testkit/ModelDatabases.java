package dev.schemaguard.testkit;

import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.Cast;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.ForeignKey.ReferentialAction;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.Privilege;
import dev.schemaguard.model.Publication;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.ReplicaIdentity;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.TableBuilder;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.ForeignTable;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random models that use every object kind of the model, with names, types, expressions and texts chosen to be
 * hard to spell (quotes, keywords, YAML indicators, unicode, 63-byte names): the one generator that property tests
 * of every module draw from. Models are valid (a random choice the model refuses is drawn again) and their parts
 * come in name order, as introspection and the YAML reader give them.
 */
public final class RandomDatabases {

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
            "quote ' and \"", "😀 emoji", "123", "- dash", "'single'", "\"double\"", "back\\slash", "{}", "[]",
            " leading\nsecond", "\nstarts with a line break", "ends with breaks\n\n", "one break\n", "a\n  \nb",
            "last line blank\n  ", "tab\tin\n\tblock", "#not a comment\n- not a list", "x\r\ny", "\n\n\nz\n", "  \nq");

    /** SQL as PostgreSQL prints it: one line or several, with leading blanks, with or without a final line break. */
    private static final List<String> QUERIES = List.of(
            "SELECT 1", " SELECT users.id,\n    users.name\n   FROM users\n  WHERE users.active",
            "SELECT id FROM orders WHERE note = 'a: b #c'", "SELECT 'x'::text AS \"yes\"\n", "WITH t AS (\n  SELECT 1\n)\nSELECT * FROM t");

    private static final List<String> PARTITION_KEYS = List.of("created_at", "(a + b)", "\"Mixed Case\", id", "lower(email)");

    private static final List<String> BOUNDS = List.of("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", "DEFAULT",
            "FOR VALUES IN (1, 2)", "FOR VALUES WITH (modulus 4, remainder 0)", "FOR VALUES FROM (MINVALUE) TO ('a: b')");

    private RandomDatabases() {
    }

    /** Random models for jqwik properties: {@code @ForAll("databases")} with a provider returning this. */
    public static Arbitrary<Database> arbitrary() {
        return Arbitraries.randomValue(RandomDatabases::database);
    }

    /** One random model; the same {@code random} state gives the same model. */
    public static Database database(Random random) {
        while (true) {
            try {
                List<Schema> schemas = new ArrayList<>();
                for (String schemaName : distinct(random, NAMES, random.nextInt(3) + 1)) {
                    schemas.add(schema(random, schemaName));
                }
                schemas.sort(Comparator.comparing(Schema::name));
                requireNoForeignKeyToAForeignTable(schemas);
                List<Extension> extensions = new ArrayList<>();
                boolean bare = random.nextBoolean();
                for (String name : distinct(random, NAMES, random.nextInt(3))) {
                    extensions.add(bare ? new Extension(name, null, null)
                            : new Extension(name, maybe(random, NAMES), maybe(random, List.of("1.3", "1.10", "2", "x.y"))));
                }
                extensions.sort(Comparator.comparing(Extension::name));
                List<ForeignDataWrapper> wrappers = new ArrayList<>();
                for (String wrapper : distinct(random, NAMES, random.nextInt(3))) {
                    wrappers.add(random.nextBoolean() ? ForeignDataWrapper.named(wrapper)
                            : new ForeignDataWrapper(wrapper, maybe(random, List.of("public.postgres_fdw_handler", "\"Sch ema\".h")),
                                    maybe(random, List.of("public.postgres_fdw_validator", "v")), options(random), maybe(random, TEXTS)));
                }
                wrappers.sort(Comparator.comparing(ForeignDataWrapper::name));
                List<ForeignServer> servers = new ArrayList<>();
                for (String server : distinct(random, NAMES, random.nextInt(3))) {
                    servers.add(new ForeignServer(server, pick(random, NAMES), maybe(random, List.of("postgres", "it's")),
                            maybe(random, List.of("16", "1.0")), options(random), maybe(random, TEXTS)));
                }
                Set<String> declared = new java.util.HashSet<>();
                servers.forEach(server -> declared.add(server.name()));
                for (Schema schema : schemas) {
                    for (Table table : schema.tables()) {
                        if (table.isForeign() && declared.add(table.foreign().server())) {
                            servers.add(ForeignServer.of(table.foreign().server(), pick(random, NAMES)));
                        }
                    }
                }
                servers.sort(Comparator.comparing(ForeignServer::name));
                return Database.of(schemas).withExtensions(extensions).withPublications(publications(random, schemas))
                        .withCasts(casts(random)).withForeignDataWrappers(wrappers).withForeignServers(servers);
            } catch (IllegalArgumentException clash) {
                // a random explicit name clashed with another; draw again
            }
        }
    }

    /** PostgreSQL refuses a foreign key that references a foreign table (and so does the YAML reader): draw again. */
    private static void requireNoForeignKeyToAForeignTable(List<Schema> schemas) {
        Database database = Database.of(schemas);
        for (Schema schema : schemas) {
            for (Table table : schema.tables()) {
                for (var foreignKey : table.foreignKeys()) {
                    if (database.table(foreignKey.referencedTable()).map(Table::isForeign).orElse(false)) {
                        throw new IllegalArgumentException("a foreign key references a foreign table");
                    }
                }
            }
        }
    }

    /** Tables, views and sequences get names from one pool, as do the types: each kind shares PostgreSQL's namespace. */
    private static Schema schema(Random random, String name) {
        List<String> relations = distinct(random, NAMES, random.nextInt(7));
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        List<View> views = new ArrayList<>();
        for (String relation : relations) {
            switch (random.nextInt(5)) {
                case 0 -> sequences.add(sequence(random, relation));
                case 1 -> views.add(view(random, name, relation));
                case 2 -> tables.add(random.nextBoolean() ? foreignTable(random, name, relation) : table(random, name, relation));
                default -> tables.add(table(random, name, relation));
            }
        }
        List<EnumType> enums = new ArrayList<>();
        List<Domain> domains = new ArrayList<>();
        List<CompositeType> compositeTypes = new ArrayList<>();
        List<RangeType> rangeTypes = new ArrayList<>();
        for (String type : distinct(random, NAMES, random.nextInt(5))) {
            switch (random.nextInt(4)) {
                case 0 -> enums.add(new EnumType(type, distinct(random, NAMES, random.nextInt(4)), maybe(random, TEXTS)));
                case 1 -> domains.add(domain(random, type));
                case 2 -> rangeTypes.add(rangeType(random, type));
                default -> compositeTypes.add(compositeType(random, type));
            }
        }
        List<Routine> routines = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            routines.add(routine(random));
        }
        if (routines.stream().map(Routine::signature).distinct().count() < routines.size()) {
            throw new IllegalArgumentException("two routines with one signature");
        }
        routines.sort(Comparator.comparing(Routine::name).thenComparing(Routine::arguments));
        List<Aggregate> aggregates = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            aggregates.add(aggregate(random));
        }
        aggregates.sort(Comparator.comparing(Aggregate::name).thenComparing(Aggregate::arguments));
        List<Collation> collations = new ArrayList<>();
        for (String collation : distinct(random, NAMES, random.nextInt(3))) {
            collations.add(collation(random, collation));
        }
        Comparator<Object> byName = Comparator.comparing(o -> ((dev.schemaguard.model.SchemaObject) o).name());
        tables.sort(Comparator.comparing(Table::name));
        sequences.sort(byName);
        views.sort(byName);
        enums.sort(byName);
        domains.sort(byName);
        compositeTypes.sort(byName);
        rangeTypes.sort(byName);
        collations.sort(byName);
        return new Schema(name, tables, maybe(random, TEXTS), sequences, enums, domains, compositeTypes, rangeTypes, views, routines,
                collations, grants(random, name, tables, sequences, views, enums, routines), aggregates,
                textSearchDictionaries(random, name), textSearchConfigurations(random, name));
    }

    /** A plain aggregate, an ordered-set one, or one with every option set. */
    private static Aggregate aggregate(Random random) {
        String name = pick(random, NAMES);
        return switch (random.nextInt(3)) {
            case 0 -> Aggregate.of(name, pick(random, List.of("", "integer", "\"Odd\" \"My Type\"")),
                    pick(random, List.of("int4pl", "app.step", "\"My Schema\".\"Step\"")),
                    DataType.parse(pick(random, List.of("integer", "app.mood", "numeric(10,2)[]"))))
                    .withComment(maybe(random, TEXTS));
            case 1 -> new Aggregate(name, pick(random, List.of("double precision ORDER BY anyelement",
                    "VARIADIC \"any\" ORDER BY VARIADIC \"any\"")),
                    random.nextBoolean() ? Aggregate.Kind.ORDERED_SET : Aggregate.Kind.HYPOTHETICAL,
                    "ordered_set_transition", DataType.parse("internal"), 0, "percentile_disc_final", true,
                    pick(random, List.of(Aggregate.Modify.values())), null, null, null, null, null, null,
                    (random.nextBoolean() ? null : pick(random, List.of(Aggregate.Parallel.values()))), maybe(random, TEXTS));
            default -> new Aggregate(name, "integer", Aggregate.Kind.NORMAL, "app.step", DataType.parse("bigint[]"),
                    random.nextInt(3) * 64, "app.done", random.nextBoolean(), pick(random, List.of(Aggregate.Modify.values())),
                    "app.combine", maybe(random, List.of("app.to_bytes")), null, maybe(random, List.of("{0,0}", "a: b", "0")),
                    random.nextBoolean() ? null : new Aggregate.Moving("app.step", "app.unstep", DataType.parse("bigint[]"),
                            random.nextInt(2) * 32, maybe(random, List.of("app.done")), random.nextBoolean(),
                            (random.nextBoolean() ? null : pick(random, List.of(Aggregate.Modify.values()))), maybe(random, List.of("{0,0}"))),
                    maybe(random, List.of(">", "app.>>", "\"My Schema\".<")), pick(random, List.of(Aggregate.Parallel.values())),
                    maybe(random, TEXTS));
        };
    }

    /** Casts between distinct pairs of types, by each method and in each context. */
    private static List<Cast> casts(Random random) {
        List<Cast> casts = new ArrayList<>();
        List<String> types = List.of("integer", "text", "app.mood", "\"My Schema\".\"My Type\"", "bigint[]");
        for (int i = random.nextInt(3); i > 0; i--) {
            DataType source = DataType.parse(pick(random, types));
            DataType target = DataType.parse(pick(random, types));
            Cast cast = switch (random.nextInt(3)) {
                case 0 -> Cast.withFunction(source, target, pick(random, List.of("app.convert", "int4", "\"My Schema\".\"To\"")),
                        pick(random, List.of("integer", "app.mood", "")));
                case 1 -> new Cast(source, target, Cast.Method.BINARY, null, null, null, null);
                default -> new Cast(source, target, Cast.Method.INOUT, null, null, null, null);
            };
            Cast drawn = cast.withContext(pick(random, List.of(Cast.Context.values()))).withComment(maybe(random, TEXTS));
            if (casts.stream().noneMatch(drawn::sameTypesAs)) {
                casts.add(drawn);
            }
        }
        return casts;
    }

    private static final List<String> TEMPLATES = List.of("simple", "snowball", "ispell", "synonym", "thesaurus");

    private static final List<String> OPTION_NAMES = List.of("stopwords", "language", "DictFile", "accept", "_x1", "select");

    private static final List<String> TOKEN_TYPES = List.of("asciiword", "word", "int", "float", "email", "url_path");

    /** Dictionaries of PostgreSQL's templates or of a template elsewhere, with options whose values are hard to spell. */
    private static List<TextSearchDictionary> textSearchDictionaries(Random random, String schema) {
        List<TextSearchDictionary> dictionaries = new ArrayList<>();
        for (String name : distinct(random, NAMES, random.nextInt(3))) {
            QualifiedName template = random.nextInt(4) == 0 ? QualifiedName.of(pick(random, NAMES), pick(random, NAMES))
                    : QualifiedName.of("pg_catalog", pick(random, TEMPLATES));
            List<TextSearchDictionary.Option> options = new ArrayList<>();
            for (String option : distinct(random, OPTION_NAMES, random.nextInt(3))) {
                options.add(TextSearchDictionary.option(option, pick(random, TEXTS)));
            }
            dictionaries.add(new TextSearchDictionary(name, template, options, maybe(random, TEXTS)));
        }
        dictionaries.sort(Comparator.comparing(TextSearchDictionary::name));
        return dictionaries;
    }

    /** Configurations on the default parser or another, mapping token types to PostgreSQL's dictionaries or others. */
    private static List<TextSearchConfiguration> textSearchConfigurations(Random random, String schema) {
        List<TextSearchConfiguration> configurations = new ArrayList<>();
        for (String name : distinct(random, NAMES, random.nextInt(3))) {
            QualifiedName parser = random.nextInt(4) == 0 ? QualifiedName.of(schema, pick(random, NAMES))
                    : TextSearchConfiguration.DEFAULT_PARSER;
            List<TextSearchConfiguration.Mapping> mappings = new ArrayList<>();
            for (String tokenType : distinct(random, random.nextBoolean() ? TOKEN_TYPES : NAMES, random.nextInt(4))) {
                List<QualifiedName> dictionaries = new ArrayList<>();
                for (String dictionary : distinct(random, NAMES, random.nextInt(3) + 1)) {
                    dictionaries.add(random.nextBoolean() ? QualifiedName.of("pg_catalog", dictionary)
                            : QualifiedName.of(schema, dictionary));
                }
                mappings.add(new TextSearchConfiguration.Mapping(tokenType, dictionaries));
            }
            configurations.add(new TextSearchConfiguration(name, parser, mappings, maybe(random, TEXTS)));
        }
        configurations.sort(Comparator.comparing(TextSearchConfiguration::name));
        return configurations;
    }

    /** A range over a random type, now and then with every option set. */
    private static RangeType rangeType(Random random, String name) {
        DataType subtype = DataType.parse(pick(random, List.of("integer", "numeric", "timestamptz", "uuid", "text", "app.mood")));
        if (random.nextBoolean()) {
            return RangeType.of(name, subtype).withComment(maybe(random, TEXTS));
        }
        return new RangeType(name, subtype, maybe(random, List.of("app.my_ops", "\"Sch ema\".\"Ops\"")),
                maybe(random, List.of("\"C\"", "app.german")), maybe(random, List.of("app.canon", "canon")),
                maybe(random, List.of("float8mi", "app.diff")), maybe(random, NAMES), maybe(random, TEXTS));
    }

    /** Publications of some of the generated tables and schemas, or of all tables. */
    private static List<Publication> publications(Random random, List<Schema> schemas) {
        List<QualifiedName> tables = new ArrayList<>();
        schemas.forEach(schema -> schema.tables().forEach(t -> tables.add(QualifiedName.of(schema.name(), t.name()))));
        List<Publication> publications = new ArrayList<>();
        for (String name : distinct(random, NAMES, random.nextInt(3))) {
            boolean all = random.nextInt(4) == 0;
            List<Publication.Table> members = new ArrayList<>();
            if (!all) {
                for (QualifiedName table : tables) {
                    if (random.nextBoolean()) {
                        members.add(random.nextBoolean() ? Publication.Table.of(table)
                                : new Publication.Table(table, distinct(random, NAMES, random.nextInt(3)), maybe(random, CONDITIONS)));
                    }
                }
            }
            List<String> schemaNames = all ? List.of() : distinct(random, schemas.stream().map(Schema::name).toList(),
                    random.nextInt(Math.min(2, schemas.size()) + 1));
            List<String> publish = random.nextBoolean() ? null : distinct(random, Publication.ALL_OPERATIONS, 1 + random.nextInt(4));
            publications.add(new Publication(name, all, members, schemaNames, publish, random.nextBoolean(), maybe(random, TEXTS)));
        }
        publications.sort(Comparator.comparing(Publication::name));
        return publications;
    }

    /** Grants and revoked defaults on some of the schema's objects, to roles from the name pool or PUBLIC. */
    private static List<Grant> grants(Random random, String schema, List<Table> tables, List<Sequence> sequences,
                                      List<View> views, List<EnumType> types, List<Routine> routines) {
        List<ObjectRef> objects = new ArrayList<>();
        objects.add(new ObjectRef(ObjectRef.Kind.SCHEMA, null, schema, null));
        for (Table table : tables) {
            objects.add(ObjectRef.of(ObjectRef.Kind.TABLE, schema, table.name()));
            table.columns().stream().findFirst().ifPresent(c -> objects.add(ObjectRef.column(QualifiedName.of(schema, table.name()), c.name())));
        }
        sequences.forEach(s -> objects.add(ObjectRef.of(ObjectRef.Kind.SEQUENCE, schema, s.name())));
        views.forEach(v -> objects.add(ObjectRef.of(v.materialized() ? ObjectRef.Kind.MATERIALIZED_VIEW : ObjectRef.Kind.VIEW,
                schema, v.name())));
        types.forEach(t -> objects.add(ObjectRef.of(ObjectRef.Kind.TYPE, schema, t.name())));
        routines.forEach(r -> objects.add(ObjectRef.of(ObjectRef.Kind.ROUTINE, schema, r.signature())));
        Map<Grant.Key, Grant> grants = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            ObjectRef on = pick(random, objects);
            Privilege privilege = pick(random, List.copyOf(Privilege.applicableTo(on.kind())));
            String grantee = random.nextInt(4) == 0 ? Grant.PUBLIC : pick(random, NAMES);
            boolean revoked = random.nextInt(3) == 0;
            Grant grant = new Grant(on, grantee, privilege, !revoked && !grantee.equals(Grant.PUBLIC) && random.nextBoolean(), revoked);
            grants.putIfAbsent(grant.key(), grant);
        }
        return grants.values().stream().sorted(Grant.ORDER).toList();
    }

    private static Sequence sequence(Random random, String name) {
        boolean owned = random.nextInt(3) == 0;
        return new Sequence(name, random.nextBoolean() ? null : DataType.parse(pick(random, List.of("smallint", "integer", "bigint"))),
                random.nextBoolean() ? SequenceOptions.DEFAULTS : new SequenceOptions(maybeLong(random), maybeLong(random),
                        maybeLong(random), maybeLong(random), maybeLong(random), random.nextBoolean()),
                owned ? pick(random, NAMES) : null, owned ? pick(random, NAMES) : null, maybe(random, TEXTS));
    }

    /** Every provider; a libc collation with one locale or with differing lc_collate and lc_ctype. */
    private static Collation collation(Random random, String name) {
        Collation collation = switch (random.nextInt(4)) {
            case 0 -> Collation.icu(name, pick(random, List.of("en-u-kn-true", "und-u-ks-level2", "de-DE")));
            case 1 -> Collation.builtin(name, pick(random, List.of("C", "C.UTF-8")));
            case 2 -> Collation.libc(name, pick(random, List.of("C", "POSIX", "en_US.utf8")));
            default -> new Collation(name, Collation.Provider.LIBC, null, "C", pick(random, List.of("POSIX", "de_DE.utf8")), true, null);
        };
        if (collation.provider() == Collation.Provider.ICU && random.nextBoolean()) {
            collation = collation.nondeterministic();
        }
        return collation.withComment(maybe(random, TEXTS));
    }

    private static View view(Random random, String schema, String name) {
        boolean materialized = random.nextBoolean();
        List<Index> indexes = new ArrayList<>();
        if (materialized) {
            for (String indexName : distinct(random, NAMES, random.nextInt(3))) {
                List<IndexKey> keys = new ArrayList<>();
                keys.add(IndexKey.column(pick(random, NAMES)));
                if (random.nextBoolean()) {
                    keys.add(IndexKey.expression("lower(email)").desc());
                }
                indexes.add(new Index(indexName, random.nextBoolean(), pick(random, List.of("btree", "gin", "hash")), keys,
                        random.nextBoolean() ? List.of() : List.of(pick(random, NAMES)),
                        maybe(random, CONDITIONS), random.nextInt(4) == 0, List.of(), null));
            }
        }
        List<Trigger> triggers = new ArrayList<>();
        if (!materialized) {
            for (String trigger : distinct(random, NAMES, random.nextInt(3))) {
                triggers.add(new Trigger(trigger, "CREATE TRIGGER " + Identifiers.quote(trigger) + " INSTEAD OF INSERT ON "
                        + Identifiers.quote(schema) + "." + Identifiers.quote(name) + " FOR EACH ROW EXECUTE FUNCTION ins()",
                        Trigger.Firing.ORIGIN, maybe(random, TEXTS)));
            }
        }
        List<String> options = random.nextInt(3) != 0 ? List.of() : materialized ? List.of("fillfactor=70")
                : distinct(random, List.of("check_option=local", "security_barrier=true", "security_invoker=true"),
                        1 + random.nextInt(2));
        return new View(name, materialized, pick(random, QUERIES), indexes, maybe(random, TEXTS), triggers, options, List.of());
    }

    private static Domain domain(Random random, String name) {
        List<CheckConstraint> checks = new ArrayList<>();
        for (String check : distinct(random, NAMES, random.nextInt(3))) {
            checks.add(new CheckConstraint(check, pick(random, List.of("(VALUE > 0)", "VALUE ~ '@'::text", "(VALUE <> 'a: b'::text)")), false, false));
        }
        return new Domain(name, DataType.parse(pick(random, TYPES)), random.nextBoolean(),
                random.nextBoolean() ? null : pick(random, EXPRESSIONS),
                random.nextInt(4) == 0 ? pick(random, List.of("\"C\"", "public.mine", "\"My Schema\".\"Coll\"")) : null,
                checks, maybe(random, TEXTS), checkComments(random, checks));
    }

    private static java.util.Map<String, String> checkComments(Random random, List<CheckConstraint> checks) {
        java.util.Map<String, String> comments = new java.util.TreeMap<>();
        checks.stream().filter(c -> random.nextInt(3) == 0).forEach(c -> comments.put(c.name(), pick(random, TEXTS)));
        return comments;
    }

    private static CompositeType compositeType(Random random, String name) {
        List<CompositeType.Attribute> attributes = new ArrayList<>();
        for (String attribute : distinct(random, NAMES, random.nextInt(4))) {
            attributes.add(new CompositeType.Attribute(attribute, DataType.parse(pick(random, TYPES)),
                    random.nextInt(3) == 0 ? pick(random, List.of("\"C\"", "\"en_US\"", "public.mine")) : null));
        }
        return new CompositeType(name, attributes, maybe(random, TEXTS));
    }

    private static Routine routine(Random random) {
        Routine.Kind kind = pick(random, List.of(Routine.Kind.values()));
        String name = pick(random, NAMES);
        String arguments = pick(random, List.of("", "integer", "a integer, b text", "VARIADIC x integer[]", "\"Odd\" \"My Type\""));
        String definition = switch (kind) {
            case FUNCTION -> "CREATE OR REPLACE FUNCTION app." + Identifiers.quote(name) + "(" + arguments + ")\n RETURNS integer\n"
                    + " LANGUAGE sql\nAS $function$\n  SELECT 1;\n$function$\n";
            case PROCEDURE -> "CREATE OR REPLACE PROCEDURE app." + Identifiers.quote(name) + "(" + arguments + ")\n LANGUAGE plpgsql\n"
                    + "AS $procedure$\nBEGIN\n\tNULL;\nEND\n$procedure$";
        };
        return new Routine(name, arguments, kind, definition, maybe(random, TEXTS));
    }

    private static Table table(Random random, String schema, String name) {
        Table table = plainTable(random, schema, name);
        List<ExclusionConstraint> exclusions = new ArrayList<>();
        for (String exclusion : distinct(random, NAMES, random.nextInt(3))) {
            if (table.constraint(exclusion).isEmpty()) {
                exclusions.add(new ExclusionConstraint(exclusion, pick(random, List.of(
                        "EXCLUDE USING gist (room WITH =, during WITH &&)", "EXCLUDE USING gist (c WITH &&) WHERE ((active = true))"))));
            }
        }
        List<Trigger> triggers = new ArrayList<>();
        for (String trigger : distinct(random, NAMES, random.nextInt(3))) {
            String statement = "CREATE TRIGGER " + Identifiers.quote(trigger) + " BEFORE INSERT ON " + Identifiers.quote(schema) + "."
                    + Identifiers.quote(name) + (random.nextBoolean() ? " " : "\n") + "FOR EACH ROW EXECUTE FUNCTION touch()";
            triggers.add(new Trigger(trigger, statement, pick(random, List.of(Trigger.Firing.values())), maybe(random, TEXTS)));
        }
        Partitioning partitioning = random.nextInt(4) == 0
                ? new Partitioning(pick(random, List.of(Partitioning.Strategy.values())), pick(random, PARTITION_KEYS)) : null;
        PartitionBound partitionOf = random.nextInt(4) == 0 ? new PartitionBound(
                QualifiedName.of(random.nextBoolean() ? schema : pick(random, NAMES), pick(random, NAMES)), pick(random, BOUNDS)) : null;
        Set<QualifiedName> inherits = new LinkedHashSet<>();
        if (partitionOf == null && random.nextInt(4) == 0) {
            for (int i = random.nextInt(2); i >= 0; i--) {
                inherits.add(QualifiedName.of(random.nextBoolean() ? schema : pick(random, NAMES), pick(random, NAMES)));
            }
        }
        List<String> storageParameters = random.nextInt(3) == 0
                ? distinct(random, List.of("fillfactor=70", "autovacuum_enabled=false", "toast_tuple_target=256",
                        "autovacuum_vacuum_scale_factor=0.1"), 1 + random.nextInt(2)) : List.of();
        ReplicaIdentity replicaIdentity = pick(random, List.of(ReplicaIdentity.DEFAULT, ReplicaIdentity.DEFAULT,
                ReplicaIdentity.FULL, ReplicaIdentity.NOTHING));
        List<Rule> rules = new ArrayList<>();
        for (String rule : distinct(random, NAMES, random.nextInt(3))) {
            String on = Identifiers.quote(schema) + "." + Identifiers.quote(name);
            String statement = "CREATE RULE " + Identifiers.quote(rule) + " AS" + (random.nextBoolean() ? " " : "\n    ")
                    + pick(random, List.of("ON DELETE TO " + on + " DO INSTEAD NOTHING",
                    "ON UPDATE TO " + on + " DO ( INSERT INTO log (a)\n  VALUES (new.a);\n INSERT INTO log (a)\n  VALUES (old.a);\n)"));
            rules.add(new Rule(rule, statement, pick(random, List.of(Trigger.Firing.values())), maybe(random, TEXTS)));
        }
        Table built = table.withExclusionConstraints(exclusions).withTriggers(triggers).withRules(rules).withPartitioning(partitioning)
                .withPartitionOf(partitionOf).withInherits(List.copyOf(inherits))
                .withUnlogged(partitioning == null && random.nextInt(4) == 0)
                .withStorageParameters(storageParameters).withReplicaIdentity(replicaIdentity)
                .withCheckConstraints(table.checkConstraints().stream()
                        .map(c -> c.withNotValid(random.nextInt(3) == 0)).toList())
                .withForeignKeys(table.foreignKeys().stream().map(f -> f.withNotValid(random.nextInt(3) == 0)).toList())
                .withIndexes(table.indexes().stream().map(i -> random.nextInt(3) == 0
                        ? i.withStorageParameters(List.of("fillfactor=80")).withComment(maybe(random, TEXTS)) : i).toList());
        java.util.Map<String, String> comments = new java.util.TreeMap<>();
        for (dev.schemaguard.model.Constraint constraint : built.constraints()) {
            if (random.nextInt(4) == 0) {
                comments.put(constraint.name(), pick(random, TEXTS));
            }
        }
        return built.withConstraintComments(comments);
    }

    /**
     * A foreign table: columns without keys, checks, a comment, triggers, perhaps a partition or inheritance
     * child, and options of its own and of its columns (also of columns it inherits, which it does not list).
     */
    private static Table foreignTable(Random random, String schema, String name) {
        Table plain = plainTable(random, schema, name);
        Map<String, Map<String, String>> columnOptions = new java.util.TreeMap<>();
        for (String column : distinct(random, NAMES, random.nextInt(3))) {
            columnOptions.put(column, options(random));
        }
        PartitionBound partitionOf = random.nextInt(4) == 0 ? new PartitionBound(
                QualifiedName.of(schema, pick(random, NAMES)), pick(random, BOUNDS)) : null;
        List<QualifiedName> inherits = partitionOf == null && random.nextInt(4) == 0
                ? List.of(QualifiedName.of(schema, pick(random, NAMES))) : List.of();
        return Table.empty(name).withColumns(plain.columns())
                .withCheckConstraints(plain.checkConstraints()).withComment(plain.comment())
                .withPartitionOf(partitionOf).withInherits(inherits)
                .withForeign(new ForeignTable(pick(random, NAMES), options(random), columnOptions));
    }

    /** Generic options with names and values that are hard to spell; empty now and then. */
    private static Map<String, String> options(Random random) {
        Map<String, String> options = new java.util.TreeMap<>();
        for (String option : distinct(random, NAMES, random.nextInt(3))) {
            options.put(option, pick(random, List.of("localhost", "5432", "it's", "", "a: b", "true", "back\\slash", "日本")));
        }
        return options;
    }

    private static Table plainTable(Random random, String schema, String name) {
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
        if (random.nextInt(6) == 0) {
            column.storage(pick(random, List.of(Column.Storage.values())));
        }
        if (random.nextInt(6) == 0) {
            column.compression(pick(random, List.of(Column.Compression.values())));
        }
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
