package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** DSL for a schema; see {@link Schema#named(String)}. */
public final class SchemaBuilder {

    private final String name;
    private final List<Table> tables = new ArrayList<>();
    private final List<Sequence> sequences = new ArrayList<>();
    private final List<EnumType> enums = new ArrayList<>();
    private final List<Domain> domains = new ArrayList<>();
    private final List<CompositeType> compositeTypes = new ArrayList<>();
    private final List<RangeType> rangeTypes = new ArrayList<>();
    private final List<View> views = new ArrayList<>();
    private final List<Routine> routines = new ArrayList<>();
    private final List<Aggregate> aggregates = new ArrayList<>();
    private final List<Collation> collations = new ArrayList<>();
    private final List<Grant> grants = new ArrayList<>();
    private final List<TextSearchDictionary> textSearchDictionaries = new ArrayList<>();
    private final List<TextSearchConfiguration> textSearchConfigurations = new ArrayList<>();
    private String comment;
    private String renamedFrom;

    SchemaBuilder(String name) {
        this.name = Identifiers.requireValid(name, "schema name");
    }

    public SchemaBuilder table(String tableName, Consumer<TableBuilder> body) {
        TableBuilder builder = new TableBuilder(name, tableName);
        body.accept(builder);
        tables.add(builder.build());
        return this;
    }

    public SchemaBuilder table(Table table) {
        tables.add(table);
        return this;
    }

    public SchemaBuilder sequence(Sequence sequence) {
        sequences.add(sequence);
        return this;
    }

    /** {@code CREATE TYPE name AS ENUM (values)}. */
    public SchemaBuilder enumType(String typeName, String... values) {
        enums.add(new EnumType(typeName, List.of(values), null, null));
        return this;
    }

    public SchemaBuilder enumType(EnumType type) {
        enums.add(type);
        return this;
    }

    public SchemaBuilder domain(Domain domain) {
        domains.add(domain);
        return this;
    }

    public SchemaBuilder rangeType(RangeType type) {
        rangeTypes.add(type);
        return this;
    }

    public SchemaBuilder compositeType(CompositeType type) {
        compositeTypes.add(type);
        return this;
    }

    /** A view over {@code query} (a SELECT statement). */
    public SchemaBuilder view(String viewName, String query) {
        views.add(new View(viewName, false, query, List.of(), null, List.of(), List.of(), List.of()));
        return this;
    }

    public SchemaBuilder view(View view) {
        views.add(view);
        return this;
    }

    public SchemaBuilder aggregate(Aggregate aggregate) {
        aggregates.add(aggregate);
        return this;
    }

    public SchemaBuilder routine(Routine routine) {
        routines.add(routine);
        return this;
    }

    /** {@code CREATE COLLATION}, e.g. {@code collation(Collation.icu("numeric", "en-u-kn-true"))}. */
    public SchemaBuilder collation(Collation collation) {
        collations.add(collation);
        return this;
    }

    /** A grant on the schema or an object in it (see {@link Grant}). */
    public SchemaBuilder grant(Grant grant) {
        grants.add(grant);
        return this;
    }

    /** {@code CREATE TEXT SEARCH DICTIONARY}. */
    public SchemaBuilder textSearchDictionary(TextSearchDictionary dictionary) {
        textSearchDictionaries.add(dictionary);
        return this;
    }

    /** {@code CREATE TEXT SEARCH CONFIGURATION} with its mappings. */
    public SchemaBuilder textSearchConfiguration(TextSearchConfiguration configuration) {
        textSearchConfigurations.add(configuration);
        return this;
    }

    /** Declares the schema renamed from {@code oldName}: the plan renames that schema, and everything in it, instead of re-creating it. */
    public SchemaBuilder renamedFrom(String oldName) {
        renamedFrom = oldName;
        return this;
    }

    public SchemaBuilder comment(String text) {
        this.comment = text;
        return this;
    }

    public Schema build() {
        return new Schema(name, tables, comment, sequences, enums, domains, compositeTypes, rangeTypes, views, routines,
                collations, grants, aggregates, textSearchDictionaries, textSearchConfigurations, renamedFrom);
    }

    /** A database holding just this schema. */
    public Database toDatabase() {
        return Database.of(build());
    }
}
