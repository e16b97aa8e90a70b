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
import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.ForeignTable;
import java.util.Set;

/**
 * The models of {@code Databases.arbitrary()}: every object kind of the model, with names, types, expressions and
 * texts chosen to be hard to spell (quotes, keywords, YAML indicators, unicode, 63-byte names), read from
 * {@link Choices} so that they shrink. Models are valid (a draw the model refuses is drawn again from the next
 * choices) and their parts come in name order, as introspection and the YAML reader give them; references need
 * not resolve (a foreign key may name a table no schema has).
 */
final class ModelDatabases {

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

    /** The sections of a table's choices: uniques, foreign keys, checks, indexes and security (as a foreign table has). */
    private static final int PLAIN_TABLE_SECTIONS = 5;

    /** ... then exclusions, triggers, layout (partitions, inheritance, storage), rules and details. */
    private static final int TABLE_SECTIONS = PLAIN_TABLE_SECTIONS + 5;

    private ModelDatabases() {
    }

    /**
     * A model drawn from {@code choices}. A draw the model refuses (a random explicit name clashes with another)
     * is drawn again from the next choices; when the choices have run out, every draw is the same smallest one.
     */
    static Database database(Choices drawn) {
        Choices choices = drawn.fromStart();
        while (true) {
            boolean smallest = choices.exhausted();
            try {
                return draw(choices);
            } catch (IllegalArgumentException clash) {
                if (smallest) {
                    throw new IllegalStateException("the smallest model is refused: " + clash.getMessage(), clash);
                }
            }
        }
    }

    private static Database draw(Choices choices) {
        List<Schema> schemas = new ArrayList<>();
        for (String schemaName : choices.distinct(NAMES, Math.max(1, choices.partCount()))) {
            schemas.add(schema(choices.nextPart(), schemaName));
        }
        schemas.sort(Comparator.comparing(Schema::name));
        requireNoForeignKeyToAForeignTable(schemas);
        List<Extension> extensions = new ArrayList<>();
        boolean withSchemaAndVersion = choices.nextBoolean();
        for (String name : choices.distinct(NAMES, choices.nextInt(3))) {
            extensions.add(withSchemaAndVersion
                    ? new Extension(name, choices.maybe(NAMES), choices.maybe(List.of("1.3", "1.10", "2", "x.y")))
                    : new Extension(name, null, null));
        }
        extensions.sort(Comparator.comparing(Extension::name));
        List<ForeignDataWrapper> wrappers = new ArrayList<>();
        for (String wrapper : choices.distinct(NAMES, choices.nextInt(3))) {
            wrappers.add(choices.nextBoolean() ? new ForeignDataWrapper(wrapper, choices.maybe(List.of("public.postgres_fdw_handler", "\"Sch ema\".h")),
                    choices.maybe(List.of("public.postgres_fdw_validator", "v")), options(choices), choices.maybe(TEXTS))
                    : ForeignDataWrapper.named(wrapper));
        }
        wrappers.sort(Comparator.comparing(ForeignDataWrapper::name));
        List<ForeignServer> servers = new ArrayList<>();
        for (String server : choices.distinct(NAMES, choices.nextInt(3))) {
            servers.add(new ForeignServer(server, choices.pick(NAMES), choices.maybe(List.of("postgres", "it's")),
                    choices.maybe(List.of("16", "1.0")), options(choices), choices.maybe(TEXTS)));
        }
        Set<String> declared = new java.util.HashSet<>();
        servers.forEach(server -> declared.add(server.name()));
        for (Schema schema : schemas) {
            for (Table table : schema.tables()) {
                if (table.isForeign() && declared.add(table.foreign().server())) {
                    servers.add(ForeignServer.of(table.foreign().server(), choices.pick(NAMES)));
                }
            }
        }
        servers.sort(Comparator.comparing(ForeignServer::name));
        return Database.of(schemas).withExtensions(extensions).withPublications(publications(choices, schemas))
                .withCasts(casts(choices)).withForeignDataWrappers(wrappers).withForeignServers(servers);
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
    private static Schema schema(Choices choices, String name) {
        List<String> relations = choices.distinct(NAMES, choices.nextInt(7));
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        List<View> views = new ArrayList<>();
        for (String relation : relations) {
            switch (choices.nextInt(5)) {
                case 0 -> sequences.add(sequence(choices.nextPart(), relation));
                case 1 -> views.add(view(choices.nextPart(), name, relation));
                case 2 -> tables.add(choices.nextBoolean() ? foreignTable(choices.nextPartWithSections(PLAIN_TABLE_SECTIONS), name, relation)
                        : table(choices.nextPartWithSections(TABLE_SECTIONS), name, relation));
                default -> tables.add(table(choices.nextPartWithSections(TABLE_SECTIONS), name, relation));
            }
        }
        tables.replaceAll(table -> table.withRenamedFrom(renamedFrom(choices, relations)));
        List<String> relationsAndIndexes = new ArrayList<>(relations);
        tables.forEach(table -> table.indexes().forEach(index -> relationsAndIndexes.add(index.name())));
        tables.replaceAll(table -> table.withIndexes(table.indexes().stream()
                .map(index -> index.withRenamedFrom(renamedFrom(choices, relationsAndIndexes))).toList()));
        List<EnumType> enums = new ArrayList<>();
        List<Domain> domains = new ArrayList<>();
        List<CompositeType> compositeTypes = new ArrayList<>();
        List<RangeType> rangeTypes = new ArrayList<>();
        for (String type : choices.distinct(NAMES, choices.nextInt(5))) {
            switch (choices.nextInt(4)) {
                case 0 -> enums.add(new EnumType(type, choices.distinct(NAMES, choices.nextInt(4)), choices.maybe(TEXTS), null));
                case 1 -> domains.add(domain(choices.nextPart(), type));
                case 2 -> rangeTypes.add(rangeType(choices.nextPart(), type));
                default -> compositeTypes.add(compositeType(choices.nextPart(), type));
            }
        }
        // types share pg_type with the relations' row types: a type is declared renamed from a name neither has
        List<String> typesAndRelations = new ArrayList<>(relationsAndIndexes);
        enums.forEach(t -> typesAndRelations.add(t.name()));
        domains.forEach(t -> typesAndRelations.add(t.name()));
        rangeTypes.forEach(t -> typesAndRelations.add(t.name()));
        compositeTypes.forEach(t -> typesAndRelations.add(t.name()));
        enums.replaceAll(t -> t.withRenamedFrom(renamedFrom(choices, typesAndRelations)));
        domains.replaceAll(t -> t.withRenamedFrom(renamedFrom(choices, typesAndRelations)));
        compositeTypes.replaceAll(t -> t.withRenamedFrom(renamedFrom(choices, typesAndRelations)));
        // a routine or aggregate drawn with the signature of an earlier one is left out (they share one namespace)
        Map<String, Routine> routinesBySignature = new LinkedHashMap<>();
        for (int i = choices.nextInt(4); i > 0; i--) {
            Routine routine = routine(choices.nextPart());
            routinesBySignature.putIfAbsent(routine.signature(), routine);
        }
        List<Routine> routines = new ArrayList<>(routinesBySignature.values());
        routines.sort(Comparator.comparing(Routine::name).thenComparing(Routine::arguments));
        Map<String, Aggregate> aggregatesBySignature = new LinkedHashMap<>();
        for (int i = choices.nextInt(3); i > 0; i--) {
            Aggregate aggregate = aggregate(choices.nextPart());
            if (!routinesBySignature.containsKey(aggregate.signature())) {
                aggregatesBySignature.putIfAbsent(aggregate.signature(), aggregate);
            }
        }
        List<Aggregate> aggregates = new ArrayList<>(aggregatesBySignature.values());
        aggregates.sort(Comparator.comparing(Aggregate::name).thenComparing(Aggregate::arguments));
        List<Collation> collations = new ArrayList<>();
        for (String collation : choices.distinct(NAMES, choices.nextInt(3))) {
            collations.add(collation(choices.nextPart(), collation));
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
        return new Schema(name, tables, choices.maybe(TEXTS), sequences, enums, domains, compositeTypes, rangeTypes, views, routines,
                collations, grants(choices, name, tables, sequences, views, enums, routines), aggregates,
                textSearchDictionaries(choices, name), textSearchConfigurations(choices, name), null);
    }

    /** A plain aggregate, an ordered-set one, or one with every option set. */
    private static Aggregate aggregate(Choices choices) {
        String name = choices.pick(NAMES);
        return switch (choices.nextInt(3)) {
            case 0 -> Aggregate.of(name, choices.pick(List.of("", "integer", "\"Odd\" \"My Type\"")),
                    choices.pick(List.of("int4pl", "app.step", "\"My Schema\".\"Step\"")),
                    DataType.parse(choices.pick(List.of("integer", "app.mood", "numeric(10,2)[]"))))
                    .withComment(choices.maybe(TEXTS));
            case 1 -> new Aggregate(name, choices.pick(List.of("double precision ORDER BY anyelement",
                    "VARIADIC \"any\" ORDER BY VARIADIC \"any\"")),
                    choices.nextBoolean() ? Aggregate.Kind.ORDERED_SET : Aggregate.Kind.HYPOTHETICAL,
                    "ordered_set_transition", DataType.parse("internal"), 0, "percentile_disc_final", true,
                    choices.pick(List.of(Aggregate.Modify.values())), null, null, null, null, null, null,
                    (choices.nextBoolean() ? choices.pick(List.of(Aggregate.Parallel.values())) : null), choices.maybe(TEXTS));
            default -> new Aggregate(name, "integer", Aggregate.Kind.NORMAL, "app.step", DataType.parse("bigint[]"),
                    choices.nextInt(3) * 64, "app.done", choices.nextBoolean(), choices.pick(List.of(Aggregate.Modify.values())),
                    "app.combine", choices.maybe(List.of("app.to_bytes")), null, choices.maybe(List.of("{0,0}", "a: b", "0")),
                    choices.nextBoolean() ? new Aggregate.Moving("app.step", "app.unstep", DataType.parse("bigint[]"),
                            choices.nextInt(2) * 32, choices.maybe(List.of("app.done")), choices.nextBoolean(),
                            (choices.nextBoolean() ? choices.pick(List.of(Aggregate.Modify.values())) : null), choices.maybe(List.of("{0,0}"))) : null,
                    choices.maybe(List.of(">", "app.>>", "\"My Schema\".<")), choices.pick(List.of(Aggregate.Parallel.values())),
                    choices.maybe(TEXTS));
        };
    }

    /** Casts between distinct pairs of types, by each method and in each context. */
    private static List<Cast> casts(Choices choices) {
        List<Cast> casts = new ArrayList<>();
        List<String> types = List.of("integer", "text", "app.mood", "\"My Schema\".\"My Type\"", "bigint[]");
        for (int i = choices.nextInt(3); i > 0; i--) {
            DataType source = DataType.parse(choices.pick(types));
            DataType target = DataType.parse(choices.pick(types));
            Cast cast = switch (choices.nextInt(3)) {
                case 0 -> Cast.withFunction(source, target, choices.pick(List.of("app.convert", "int4", "\"My Schema\".\"To\"")),
                        choices.pick(List.of("integer", "app.mood", "")));
                case 1 -> new Cast(source, target, Cast.Method.BINARY, null, null, null, null);
                default -> new Cast(source, target, Cast.Method.INOUT, null, null, null, null);
            };
            Cast drawn = cast.withContext(choices.pick(List.of(Cast.Context.values()))).withComment(choices.maybe(TEXTS));
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
    private static List<TextSearchDictionary> textSearchDictionaries(Choices choices, String schema) {
        List<TextSearchDictionary> dictionaries = new ArrayList<>();
        for (String name : choices.distinct(NAMES, choices.nextInt(3))) {
            QualifiedName template = choices.oneIn(4) ? QualifiedName.of(choices.pick(NAMES), choices.pick(NAMES))
                    : QualifiedName.of("pg_catalog", choices.pick(TEMPLATES));
            List<TextSearchDictionary.Option> options = new ArrayList<>();
            for (String option : choices.distinct(OPTION_NAMES, choices.nextInt(3))) {
                options.add(TextSearchDictionary.option(option, choices.pick(TEXTS)));
            }
            dictionaries.add(new TextSearchDictionary(name, template, options, choices.maybe(TEXTS)));
        }
        dictionaries.sort(Comparator.comparing(TextSearchDictionary::name));
        return dictionaries;
    }

    /** Configurations on the default parser or another, mapping token types to PostgreSQL's dictionaries or others. */
    private static List<TextSearchConfiguration> textSearchConfigurations(Choices choices, String schema) {
        List<TextSearchConfiguration> configurations = new ArrayList<>();
        for (String name : choices.distinct(NAMES, choices.nextInt(3))) {
            QualifiedName parser = choices.oneIn(4) ? QualifiedName.of(schema, choices.pick(NAMES))
                    : TextSearchConfiguration.DEFAULT_PARSER;
            List<TextSearchConfiguration.Mapping> mappings = new ArrayList<>();
            for (String tokenType : choices.distinct(choices.nextBoolean() ? TOKEN_TYPES : NAMES, choices.nextInt(4))) {
                List<QualifiedName> dictionaries = new ArrayList<>();
                for (String dictionary : choices.distinct(NAMES, choices.nextInt(3) + 1)) {
                    dictionaries.add(choices.nextBoolean() ? QualifiedName.of("pg_catalog", dictionary)
                            : QualifiedName.of(schema, dictionary));
                }
                mappings.add(new TextSearchConfiguration.Mapping(tokenType, dictionaries));
            }
            configurations.add(new TextSearchConfiguration(name, parser, mappings, choices.maybe(TEXTS)));
        }
        configurations.sort(Comparator.comparing(TextSearchConfiguration::name));
        return configurations;
    }

    /** A range over a random type, now and then with every option set. */
    private static RangeType rangeType(Choices choices, String name) {
        DataType subtype = DataType.parse(choices.pick(List.of("integer", "numeric", "timestamptz", "uuid", "text", "app.mood")));
        if (choices.nextBoolean()) {
            return RangeType.of(name, subtype).withComment(choices.maybe(TEXTS));
        }
        return new RangeType(name, subtype, choices.maybe(List.of("app.my_ops", "\"Sch ema\".\"Ops\"")),
                choices.maybe(List.of("\"C\"", "app.german")), choices.maybe(List.of("app.canon", "canon")),
                choices.maybe(List.of("float8mi", "app.diff")), choices.maybe(NAMES), choices.maybe(TEXTS), null);
    }

    /** Publications of some of the generated tables and schemas, or of all tables. */
    private static List<Publication> publications(Choices choices, List<Schema> schemas) {
        List<QualifiedName> tables = new ArrayList<>();
        schemas.forEach(schema -> schema.tables().forEach(t -> tables.add(QualifiedName.of(schema.name(), t.name()))));
        List<Publication> publications = new ArrayList<>();
        for (String name : choices.distinct(NAMES, choices.nextInt(3))) {
            boolean all = choices.oneIn(4);
            List<Publication.Table> members = new ArrayList<>();
            if (!all) {
                for (QualifiedName table : tables) {
                    if (choices.nextBoolean()) {
                        members.add(choices.nextBoolean() ? Publication.Table.of(table)
                                : new Publication.Table(table, choices.distinct(NAMES, choices.nextInt(3)), choices.maybe(CONDITIONS)));
                    }
                }
            }
            List<String> schemaNames = all ? List.of() : choices.distinct(schemas.stream().map(Schema::name).toList(),
                    choices.nextInt(Math.min(2, schemas.size()) + 1));
            List<String> publish = choices.nextBoolean() ? choices.distinct(Publication.ALL_OPERATIONS, 1 + choices.nextInt(4)) : null;
            publications.add(new Publication(name, all, members, schemaNames, publish, choices.nextBoolean(), choices.maybe(TEXTS)));
        }
        publications.sort(Comparator.comparing(Publication::name));
        return publications;
    }

    /** Grants and revoked defaults on some of the schema's objects, to roles from the name pool or PUBLIC. */
    private static List<Grant> grants(Choices choices, String schema, List<Table> tables, List<Sequence> sequences,
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
        for (int i = choices.nextInt(5); i > 0; i--) {
            ObjectRef on = choices.pick(objects);
            Privilege privilege = choices.pick(List.copyOf(Privilege.applicableTo(on.kind())));
            String grantee = choices.oneIn(4) ? Grant.PUBLIC : choices.pick(NAMES);
            boolean revoked = choices.oneIn(3);
            Grant grant = new Grant(on, grantee, privilege, !revoked && !grantee.equals(Grant.PUBLIC) && choices.nextBoolean(), revoked);
            grants.putIfAbsent(grant.key(), grant);
        }
        return grants.values().stream().sorted(Grant.ORDER).toList();
    }

    private static Sequence sequence(Choices choices, String name) {
        boolean owned = choices.oneIn(3);
        return new Sequence(name, choices.nextBoolean() ? DataType.parse(choices.pick(List.of("smallint", "integer", "bigint"))) : null,
                choices.nextBoolean() ? SequenceOptions.DEFAULTS : new SequenceOptions(maybeLong(choices), maybeLong(choices),
                        maybeLong(choices), maybeLong(choices), maybeLong(choices), choices.nextBoolean()),
                owned ? choices.pick(NAMES) : null, owned ? choices.pick(NAMES) : null, choices.maybe(TEXTS));
    }

    /** Every provider; a libc collation with one locale or with differing lc_collate and lc_ctype. */
    private static Collation collation(Choices choices, String name) {
        Collation collation = switch (choices.nextInt(4)) {
            case 0 -> Collation.icu(name, choices.pick(List.of("en-u-kn-true", "und-u-ks-level2", "de-DE")));
            case 1 -> Collation.builtin(name, choices.pick(List.of("C", "C.UTF-8")));
            case 2 -> Collation.libc(name, choices.pick(List.of("C", "POSIX", "en_US.utf8")));
            default -> new Collation(name, Collation.Provider.LIBC, null, "C", choices.pick(List.of("POSIX", "de_DE.utf8")), true, null);
        };
        if (collation.provider() == Collation.Provider.ICU && choices.nextBoolean()) {
            collation = collation.nondeterministic();
        }
        return collation.withComment(choices.maybe(TEXTS));
    }

    private static View view(Choices choices, String schema, String name) {
        boolean materialized = choices.nextBoolean();
        List<Index> indexes = new ArrayList<>();
        if (materialized) {
            for (String indexName : choices.distinct(NAMES, choices.nextInt(3))) {
                List<IndexKey> keys = new ArrayList<>();
                keys.add(IndexKey.column(choices.pick(NAMES)));
                if (choices.nextBoolean()) {
                    keys.add(IndexKey.expression("lower(email)").desc());
                }
                indexes.add(new Index(indexName, choices.nextBoolean(), choices.pick(List.of("btree", "gin", "hash")), keys,
                        choices.nextBoolean() ? List.of(choices.pick(NAMES)) : List.of(),
                        choices.maybe(CONDITIONS), choices.oneIn(4), List.of(), null, null, true));
            }
        }
        List<Trigger> triggers = new ArrayList<>();
        if (!materialized) {
            for (String trigger : choices.distinct(NAMES, choices.nextInt(3))) {
                triggers.add(new Trigger(trigger, "CREATE TRIGGER " + Identifiers.quote(trigger) + " INSTEAD OF INSERT ON "
                        + Identifiers.quote(schema) + "." + Identifiers.quote(name) + " FOR EACH ROW EXECUTE FUNCTION ins()",
                        Trigger.Firing.ORIGIN, choices.maybe(TEXTS)));
            }
        }
        List<Rule> rules = new ArrayList<>();
        if (!materialized) {
            for (String rule : choices.distinct(NAMES, choices.nextInt(3))) {
                rules.add(new Rule(rule, "CREATE RULE " + Identifiers.quote(rule) + " AS\n    ON INSERT TO " + Identifiers.quote(schema)
                        + "." + Identifiers.quote(name) + " DO INSTEAD NOTHING", Trigger.Firing.ORIGIN, choices.maybe(TEXTS)));
            }
        }
        List<String> options = !choices.oneIn(3) ? List.of() : materialized ? List.of("fillfactor=70")
                : choices.distinct(List.of("check_option=local", "security_barrier=true", "security_invoker=true"),
                        1 + choices.nextInt(2));
        return new View(name, materialized, choices.pick(QUERIES), indexes, choices.maybe(TEXTS), triggers, options, rules);
    }

    private static Domain domain(Choices choices, String name) {
        List<CheckConstraint> checks = new ArrayList<>();
        for (String check : choices.distinct(NAMES, choices.nextInt(3))) {
            checks.add(new CheckConstraint(check, choices.pick(List.of("(VALUE > 0)", "VALUE ~ '@'::text", "(VALUE <> 'a: b'::text)")), false, false, null));
        }
        return new Domain(name, DataType.parse(choices.pick(TYPES)), choices.nextBoolean(),
                choices.nextBoolean() ? choices.pick(EXPRESSIONS) : null,
                choices.oneIn(4) ? choices.pick(List.of("\"C\"", "public.mine", "\"My Schema\".\"Coll\"")) : null,
                checks, choices.maybe(TEXTS), checkComments(choices, checks), null);
    }

    private static java.util.Map<String, String> checkComments(Choices choices, List<CheckConstraint> checks) {
        java.util.Map<String, String> comments = new java.util.TreeMap<>();
        checks.stream().filter(c -> choices.oneIn(3)).forEach(c -> comments.put(c.name(), choices.pick(TEXTS)));
        return comments;
    }

    private static CompositeType compositeType(Choices choices, String name) {
        List<CompositeType.Attribute> attributes = new ArrayList<>();
        for (String attribute : choices.distinct(NAMES, choices.nextInt(4))) {
            attributes.add(new CompositeType.Attribute(attribute, DataType.parse(choices.pick(TYPES)),
                    choices.oneIn(3) ? choices.pick(List.of("\"C\"", "\"en_US\"", "public.mine")) : null));
        }
        return new CompositeType(name, attributes, choices.maybe(TEXTS), null);
    }

    private static Routine routine(Choices choices) {
        Routine.Kind kind = choices.pick(List.of(Routine.Kind.values()));
        String name = choices.pick(NAMES);
        String arguments = choices.pick(List.of("", "integer", "a integer, b text", "VARIADIC x integer[]", "\"Odd\" \"My Type\""));
        String definition = switch (kind) {
            case FUNCTION -> "CREATE OR REPLACE FUNCTION app." + Identifiers.quote(name) + "(" + arguments + ")\n RETURNS integer\n"
                    + " LANGUAGE sql\nAS $function$\n  SELECT 1;\n$function$\n";
            case PROCEDURE -> "CREATE OR REPLACE PROCEDURE app." + Identifiers.quote(name) + "(" + arguments + ")\n LANGUAGE plpgsql\n"
                    + "AS $procedure$\nBEGIN\n\tNULL;\nEND\n$procedure$";
        };
        return new Routine(name, arguments, kind, definition, choices.maybe(TEXTS));
    }

    private static Table table(Choices choices, String schema, String name) {
        Table table = plainTable(choices, schema, name);
        Choices exclusionChoices = choices.nextPart();
        List<ExclusionConstraint> exclusions = new ArrayList<>();
        for (String exclusion : exclusionChoices.distinct(NAMES, exclusionChoices.nextInt(3))) {
            if (table.constraint(exclusion).isEmpty()) {
                exclusions.add(new ExclusionConstraint(exclusion, exclusionChoices.pick(List.of(
                        "EXCLUDE USING gist (room WITH =, during WITH &&)", "EXCLUDE USING gist (c WITH &&) WHERE ((active = true))")), null));
            }
        }
        Choices triggerChoices = choices.nextPart();
        List<Trigger> triggers = new ArrayList<>();
        for (String trigger : triggerChoices.distinct(NAMES, triggerChoices.nextInt(3))) {
            String statement = "CREATE TRIGGER " + Identifiers.quote(trigger) + " BEFORE INSERT ON " + Identifiers.quote(schema) + "."
                    + Identifiers.quote(name) + (triggerChoices.nextBoolean() ? " " : "\n") + "FOR EACH ROW EXECUTE FUNCTION touch()";
            triggers.add(new Trigger(trigger, statement, triggerChoices.pick(List.of(Trigger.Firing.values())), triggerChoices.maybe(TEXTS)));
        }
        Choices layoutChoices = choices.nextPart();
        Partitioning partitioning = layoutChoices.oneIn(4)
                ? new Partitioning(layoutChoices.pick(List.of(Partitioning.Strategy.values())), layoutChoices.pick(PARTITION_KEYS)) : null;
        PartitionBound partitionOf = layoutChoices.oneIn(4) ? new PartitionBound(
                QualifiedName.of(layoutChoices.nextBoolean() ? schema : layoutChoices.pick(NAMES), layoutChoices.pick(NAMES)), layoutChoices.pick(BOUNDS)) : null;
        Set<QualifiedName> inherits = new LinkedHashSet<>();
        if (partitionOf == null && layoutChoices.oneIn(4)) {
            for (int i = layoutChoices.nextInt(2); i >= 0; i--) {
                inherits.add(QualifiedName.of(layoutChoices.nextBoolean() ? schema : layoutChoices.pick(NAMES), layoutChoices.pick(NAMES)));
            }
        }
        List<String> storageParameters = layoutChoices.oneIn(3)
                ? layoutChoices.distinct(List.of("fillfactor=70", "autovacuum_enabled=false", "toast_tuple_target=256",
                        "autovacuum_vacuum_scale_factor=0.1"), 1 + layoutChoices.nextInt(2)) : List.of();
        ReplicaIdentity replicaIdentity = layoutChoices.pick(List.of(ReplicaIdentity.DEFAULT, ReplicaIdentity.DEFAULT,
                ReplicaIdentity.FULL, ReplicaIdentity.NOTHING));
        Choices ruleChoices = choices.nextPart();
        List<Rule> rules = new ArrayList<>();
        for (String rule : ruleChoices.distinct(NAMES, ruleChoices.nextInt(3))) {
            String on = Identifiers.quote(schema) + "." + Identifiers.quote(name);
            String statement = "CREATE RULE " + Identifiers.quote(rule) + " AS" + (ruleChoices.nextBoolean() ? " " : "\n    ")
                    + ruleChoices.pick(List.of("ON DELETE TO " + on + " DO INSTEAD NOTHING",
                    "ON UPDATE TO " + on + " DO ( INSERT INTO log (a)\n  VALUES (new.a);\n INSERT INTO log (a)\n  VALUES (old.a);\n)"));
            rules.add(new Rule(rule, statement, ruleChoices.pick(List.of(Trigger.Firing.values())), ruleChoices.maybe(TEXTS)));
        }
        Choices detailChoices = choices.nextPart();
        Table built = table.withExclusionConstraints(exclusions).withTriggers(triggers).withRules(rules).withPartitioning(partitioning)
                .withPartitionOf(partitionOf).withInherits(List.copyOf(inherits))
                .withUnlogged(partitioning == null && detailChoices.oneIn(4))
                .withStorageParameters(storageParameters).withReplicaIdentity(replicaIdentity)
                .withCheckConstraints(table.checkConstraints().stream()
                        .map(c -> c.withNotValid(detailChoices.oneIn(3))).toList())
                .withForeignKeys(table.foreignKeys().stream().map(f -> f.withNotValid(detailChoices.oneIn(3))).toList())
                .withIndexes(table.indexes().stream().map(i -> detailChoices.oneIn(3)
                        ? i.withStorageParameters(List.of("fillfactor=80")).withComment(detailChoices.maybe(TEXTS)) : i).toList());
        java.util.Map<String, String> comments = new java.util.TreeMap<>();
        for (dev.schemaguard.model.Constraint constraint : built.constraints()) {
            if (detailChoices.oneIn(4)) {
                comments.put(constraint.name(), detailChoices.pick(TEXTS));
            }
        }
        return built.withConstraintComments(comments);
    }

    /**
     * Null now and then a name from the pool none of {@code taken} has: what a table, column, index or type is
     * declared renamed from (a rename from a name its schema or table also has is refused when compared).
     */
    private static String renamedFrom(Choices choices, List<String> taken) {
        return choices.oneIn(6) ? choices.pick(NAMES.stream().filter(name -> !taken.contains(name)).toList()) : null;
    }

    /**
     * A foreign table: columns without keys, checks, a comment, triggers, perhaps a partition or inheritance
     * child, and options of its own and of its columns (also of columns it inherits, which it does not list).
     */
    private static Table foreignTable(Choices choices, String schema, String name) {
        Table plain = plainTable(choices, schema, name);
        Map<String, Map<String, String>> columnOptions = new java.util.TreeMap<>();
        for (String column : choices.distinct(NAMES, choices.nextInt(3))) {
            columnOptions.put(column, options(choices));
        }
        PartitionBound partitionOf = choices.oneIn(4) ? new PartitionBound(
                QualifiedName.of(schema, choices.pick(NAMES)), choices.pick(BOUNDS)) : null;
        List<QualifiedName> inherits = partitionOf == null && choices.oneIn(4)
                ? List.of(QualifiedName.of(schema, choices.pick(NAMES))) : List.of();
        return Table.empty(name).withColumns(plain.columns())
                .withCheckConstraints(plain.checkConstraints()).withComment(plain.comment())
                .withPartitionOf(partitionOf).withInherits(inherits)
                .withForeign(new ForeignTable(choices.pick(NAMES), options(choices), columnOptions));
    }

    /** Generic options with names and values that are hard to spell; empty now and then. */
    private static Map<String, String> options(Choices choices) {
        Map<String, String> options = new java.util.TreeMap<>();
        for (String option : choices.distinct(NAMES, choices.nextInt(3))) {
            options.put(option, choices.pick(List.of("localhost", "5432", "it's", "", "a: b", "true", "back\\slash", "日本")));
        }
        return options;
    }

    private static Table plainTable(Choices choices, String schema, String name) {
        List<String> columns = choices.distinct(NAMES, choices.nextInt(5) + 1);
        return Table.named(name, t -> {
            List<String> key = choices.nextInt(3) == 0 ? List.of() : choices.distinct(columns, 1 + choices.nextInt(Math.min(2, columns.size())));
            for (String column : columns) {
                column(choices, t, column, columns, key.contains(column));
            }
            if (!key.isEmpty()) {
                var primaryKey = t.primaryKey(key.toArray(String[]::new));
                if (choices.oneIn(3)) {
                    primaryKey.named(choices.pick(NAMES));
                }
            }
            Choices uniqueChoices = choices.nextPart();
            for (int i = uniqueChoices.nextInt(3); i > 0; i--) {
                var unique = t.unique(uniqueChoices.distinct(columns, 1 + uniqueChoices.nextInt(columns.size())).toArray(String[]::new));
                if (uniqueChoices.oneIn(3)) {
                    unique.named(uniqueChoices.pick(NAMES));
                }
                if (uniqueChoices.oneIn(4)) {
                    unique.nullsNotDistinct();
                }
                switch (uniqueChoices.nextInt(4)) {
                    case 1 -> unique.deferrable();
                    case 2 -> unique.initiallyDeferred();
                    default -> { }
                }
            }
            Choices foreignKeyChoices = choices.nextPart();
            for (int i = foreignKeyChoices.nextInt(3); i > 0; i--) {
                List<String> from = foreignKeyChoices.distinct(columns, 1 + foreignKeyChoices.nextInt(Math.min(2, columns.size())));
                List<String> to = foreignKeyChoices.distinct(NAMES, from.size());
                QualifiedName target = QualifiedName.of(foreignKeyChoices.nextBoolean() ? schema : foreignKeyChoices.pick(NAMES), foreignKeyChoices.pick(NAMES));
                var foreignKey = t.foreignKey(from.toArray(String[]::new)).references(target, to.toArray(String[]::new))
                        .onDelete(foreignKeyChoices.pick(List.of(ReferentialAction.values())))
                        .onUpdate(foreignKeyChoices.pick(List.of(ReferentialAction.values())));
                if (foreignKeyChoices.oneIn(3)) {
                    foreignKey.named(foreignKeyChoices.pick(NAMES));
                }
                if (foreignKeyChoices.oneIn(4)) {
                    foreignKey.matchFull();
                }
                switch (foreignKeyChoices.nextInt(4)) {
                    case 1 -> foreignKey.deferrable();
                    case 2 -> foreignKey.initiallyDeferred();
                    default -> { }
                }
            }
            Choices checkChoices = choices.nextPart();
            for (int i = checkChoices.nextInt(3); i > 0; i--) {
                var check = t.check(checkChoices.nextBoolean() ? checkChoices.pick(CONDITIONS) : "(" + dev.schemaguard.model.Identifiers.quote(checkChoices.pick(columns)) + " > 0)");
                if (checkChoices.oneIn(3)) {
                    check.named(checkChoices.pick(NAMES));
                }
                if (checkChoices.oneIn(4)) {
                    check.noInherit();
                }
            }
            Choices indexChoices = choices.nextPart();
            for (int i = indexChoices.nextInt(3); i > 0; i--) {
                List<IndexKey> keys = new ArrayList<>();
                for (int k = indexChoices.nextInt(2) + 1; k > 0; k--) {
                    IndexKey indexKey = indexChoices.oneIn(3)
                            ? IndexKey.expression(indexChoices.pick(List.of("lower(email)", "(a + b)", "(data ->> 'k'::text)", "upper(\"Mixed Case\")")))
                            : IndexKey.column(indexChoices.pick(columns));
                    if (indexChoices.nextBoolean()) {
                        indexKey = indexKey.desc();
                    }
                    if (indexChoices.oneIn(3)) {
                        indexKey = indexKey.nullsFirst(indexChoices.nextBoolean());
                    }
                    if (indexChoices.oneIn(3)) {
                        indexKey = indexKey.withOpclass(indexChoices.pick(List.of("text_pattern_ops", "Odd Ops", "jsonb_path_ops")));
                    }
                    keys.add(indexKey);
                }
                var index = t.index(keys.toArray(IndexKey[]::new));
                if (indexChoices.oneIn(3)) {
                    index.named(indexChoices.pick(NAMES));
                }
                if (indexChoices.nextBoolean()) {
                    index.unique();
                }
                if (indexChoices.oneIn(3)) {
                    index.using(indexChoices.pick(List.of("hash", "gin", "gist", "brin", "btree")));
                }
                if (indexChoices.oneIn(3)) {
                    index.include(indexChoices.distinct(columns, 1).toArray(String[]::new));
                }
                if (indexChoices.oneIn(3)) {
                    index.where(indexChoices.pick(CONDITIONS));
                }
                if (indexChoices.oneIn(4)) {
                    index.nullsNotDistinct();
                }
            }
            Choices securityChoices = choices.nextPart();
            RowSecurity rowSecurity = securityChoices.pick(List.of(RowSecurity.OFF, new RowSecurity(true, false),
                    new RowSecurity(true, true), new RowSecurity(false, true)));
            if (rowSecurity.enabled()) {
                t.rowLevelSecurity();
            }
            if (rowSecurity.forced()) {
                t.forceRowLevelSecurity();
            }
            for (String policyName : securityChoices.distinct(NAMES, securityChoices.nextInt(3))) {
                var policy = t.policy(policyName).forCommand(securityChoices.pick(List.of(Policy.Command.values())))
                        .to(securityChoices.distinct(List.of("app_user", "Admin Role", "yes", "null"), securityChoices.nextInt(3)).toArray(String[]::new));
                if (securityChoices.nextBoolean()) {
                    policy.restrictive();
                }
                if (securityChoices.nextBoolean()) {
                    policy.using(securityChoices.pick(CONDITIONS));
                }
                if (securityChoices.nextBoolean()) {
                    policy.withCheck(securityChoices.pick(CONDITIONS));
                }
            }
            t.comment(securityChoices.maybe(TEXTS));
        });
    }

    private static void column(Choices choices, TableBuilder table, String name, List<String> columns, boolean inPrimaryKey) {
        DataType type = DataType.parse(choices.pick(TYPES));
        var column = table.column(name, type);
        if (inPrimaryKey || choices.nextBoolean()) {
            column.notNull();
        }
        boolean integer = type.name().equals("integer") || type.name().equals("bigint") || type.name().equals("smallint");
        // a serial column is a default already: PostgreSQL refuses another default, a generation expression or identity
        int kinds = type.isSerial() ? 1 : integer && type.arrayDimensions() == 0 ? 4 : 3;
        switch (choices.nextInt(kinds)) {
            case 1 -> column.defaultValue(choices.pick(EXPRESSIONS));
            case 2 -> column.generatedAs(choices.pick(List.of("price * 2", "(a || ' '::text) || b", "lower(\"Mixed Case\")")));
            case 3 -> column.identity(new Identity(choices.pick(List.of(Identity.Generation.values())), choices.nextBoolean()
                    ? SequenceOptions.DEFAULTS
                    : new SequenceOptions(maybeLong(choices), maybeLong(choices), maybeLong(choices), maybeLong(choices),
                    maybeLong(choices), choices.nextBoolean())));
            default -> { }
        }
        if (choices.oneIn(4)) {
            column.collate(choices.pick(List.of("\"C\"", "\"en_US\"", "\"und-x-icu\"", "\"de_DE.utf8\"", "public.mine", "\"My Schema\".\"Coll\"")));
        }
        column.comment(choices.oneIn(4) ? choices.pick(TEXTS) : null);
        if (choices.oneIn(6)) {
            column.storage(choices.pick(List.of(Column.Storage.values())));
        }
        if (choices.oneIn(6)) {
            column.compression(choices.pick(List.of(Column.Compression.values())));
        }
        String oldName = renamedFrom(choices, columns);
        if (oldName != null) {
            column.renamedFrom(oldName);
        }
    }

    private static Long maybeLong(Choices choices) {
        return choices.nextBoolean() ? (long) choices.nextInt(2000) - 1000 : null;
    }
}
