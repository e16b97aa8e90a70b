package dev.schemaguard.sql;

import static dev.schemaguard.model.DataTypes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Dependency;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaBuilder;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchConfiguration.Mapping;
import dev.schemaguard.model.TextSearchDictionary;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The order and shape of the statements that create, change and drop text search objects (models only, no server). */
class TextSearchPlanningTest {

    private static final QualifiedName SIMPLE = QualifiedName.of("pg_catalog", "simple");
    private static final QualifiedName STEM = QualifiedName.of("app", "stem");
    private static final ObjectRef CFG = ObjectRef.of(ObjectRef.Kind.TEXT_SEARCH_CONFIGURATION, "app", "cfg");

    private static TextSearchConfiguration cfg(QualifiedName parser, Mapping... mappings) {
        return new TextSearchConfiguration("cfg", parser, List.of(mappings), null);
    }

    /** A table whose generated column, expression index, default and check name app.cfg, and a view that does. */
    private static SchemaBuilder usingCfg(TextSearchConfiguration cfg) {
        return Schema.named("app")
                .textSearchDictionary(TextSearchDictionary.of("stem", "snowball", TextSearchDictionary.option("language", "english")))
                .textSearchConfiguration(cfg)
                .table("doc", t -> {
                    t.column("body", text());
                    t.column("search", DataType.parse("tsvector")).generatedAs("to_tsvector('app.cfg'::regconfig, body)");
                    t.column("draft", DataType.parse("tsvector")).defaultValue("to_tsvector('app.cfg'::regconfig, 'draft'::text)");
                    t.check("to_tsvector('app.cfg'::regconfig, body) <> ''::tsvector").named("doc_body_check");
                    t.index(IndexKey.expression("to_tsvector('app.cfg'::regconfig, body)")).named("doc_body_idx").using("gin");
                })
                .view("words", "SELECT to_tsvector('app.cfg'::regconfig, body) AS w FROM app.doc");
    }

    private static List<Dependency> usesOfCfg() {
        return List.of(
                new Dependency(new ObjectRef(ObjectRef.Kind.COLUMN, "app", "doc", "search"), CFG),
                new Dependency(new ObjectRef(ObjectRef.Kind.COLUMN, "app", "doc", "draft"), CFG),
                new Dependency(new ObjectRef(ObjectRef.Kind.CONSTRAINT, "app", "doc", "doc_body_check"), CFG),
                new Dependency(ObjectRef.of(ObjectRef.Kind.INDEX, "app", "doc_body_idx"), CFG),
                new Dependency(ObjectRef.of(ObjectRef.Kind.VIEW, "app", "words"), CFG),
                new Dependency(CFG, ObjectRef.of(ObjectRef.Kind.TEXT_SEARCH_DICTIONARY, "app", "stem")));
    }

    private static void assertBefore(String sql, String first, String then) {
        int a = sql.indexOf(first);
        int b = sql.indexOf(then);
        assertTrue(a >= 0, () -> "missing: " + first + "\n" + sql);
        assertTrue(b >= 0, () -> "missing: " + then + "\n" + sql);
        assertTrue(a < b, () -> first + " should come before " + then + "\n" + sql);
    }

    @Test
    void fromNothingDictionariesThenConfigurationsThenWhatUsesThem() {
        Database expected = usingCfg(cfg(TextSearchConfiguration.DEFAULT_PARSER, new Mapping("asciiword", List.of(STEM, SIMPLE)),
                new Mapping("word", List.of(STEM, SIMPLE)), new Mapping("email", List.of(SIMPLE))))
                .textSearchDictionary(new TextSearchDictionary("a_thesaurus", QualifiedName.of("pg_catalog", "thesaurus"), List.of(
                        TextSearchDictionary.option("dictfile", "thesaurus_sample"), TextSearchDictionary.option("dictionary", "app.stem")), null))
                .toDatabase();
        String sql = MigrationPlanner.baseline(expected).sql();
        assertBefore(sql, "CREATE TEXT SEARCH DICTIONARY app.stem (TEMPLATE = pg_catalog.snowball, language = 'english')",
                "CREATE TEXT SEARCH DICTIONARY app.a_thesaurus");
        assertBefore(sql, "CREATE TEXT SEARCH DICTIONARY app.a_thesaurus", "CREATE TEXT SEARCH CONFIGURATION app.cfg (PARSER = pg_catalog.\"default\")");
        assertBefore(sql, "CREATE TEXT SEARCH CONFIGURATION app.cfg",
                "ALTER TEXT SEARCH CONFIGURATION app.cfg ALTER MAPPING FOR asciiword, word WITH app.stem, pg_catalog.simple");
        assertBefore(sql, "ALTER TEXT SEARCH CONFIGURATION app.cfg ALTER MAPPING FOR email WITH pg_catalog.simple", "CREATE TABLE app.doc");
        assertBefore(sql, "CREATE TABLE app.doc", "CREATE VIEW app.words");
    }

    @Test
    void aNewParserRebuildsTheConfigurationAndWhatUsesItWithDropsAllowed() {
        Mapping word = new Mapping("word", List.of(STEM));
        Database actual = usingCfg(cfg(TextSearchConfiguration.DEFAULT_PARSER, word)).toDatabase().withDependencies(usesOfCfg());
        Database expected = usingCfg(cfg(QualifiedName.of("ext", "parser"), word)).toDatabase();

        String sql = MigrationPlanner.plan(expected, actual, PlanOptions.ALLOW_DROPS).sql();
        for (String dependentDrop : List.of("DROP VIEW app.words", "DROP INDEX app.doc_body_idx",
                "ALTER TABLE app.doc DROP CONSTRAINT doc_body_check", "ALTER TABLE app.doc ALTER COLUMN draft DROP DEFAULT",
                "ALTER TABLE app.doc DROP COLUMN search")) {
            assertBefore(sql, dependentDrop, "DROP TEXT SEARCH CONFIGURATION app.cfg");
        }
        assertBefore(sql, "DROP TEXT SEARCH CONFIGURATION app.cfg", "CREATE TEXT SEARCH CONFIGURATION app.cfg (PARSER = ext.parser)");
        for (String recreate : List.of("ALTER TABLE app.doc ADD COLUMN search", "CREATE INDEX doc_body_idx",
                "ADD CONSTRAINT doc_body_check", "ALTER COLUMN draft SET DEFAULT", "CREATE VIEW app.words")) {
            assertBefore(sql, "ALTER TEXT SEARCH CONFIGURATION app.cfg ALTER MAPPING FOR word WITH app.stem", recreate);
        }
        assertEquals(1, sql.split("CREATE INDEX doc_body_idx", -1).length - 1, sql);
        assertFalse(sql.contains("DROP TEXT SEARCH DICTIONARY"), sql);

        MigrationPlan safe = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
        assertFalse(safe.sql().contains("TEXT SEARCH CONFIGURATION"), safe.sql());
        assertTrue(safe.skipped().stream().anyMatch(s -> s.sql().equals("DROP TEXT SEARCH CONFIGURATION app.cfg")),
                "the rebuild is held back with the generated column it re-creates");
    }

    @Test
    void aNewTemplateDetachesTheDictionaryFromConfigurationsAndMapsItAgain() {
        TextSearchConfiguration other = new TextSearchConfiguration("other", TextSearchConfiguration.DEFAULT_PARSER,
                List.of(new Mapping("word", List.of(SIMPLE, STEM)), new Mapping("email", List.of(SIMPLE))), null);
        Database actual = Schema.named("app").textSearchDictionary(TextSearchDictionary.of("stem", "simple"))
                .textSearchConfiguration(other).toDatabase();
        Database expected = Schema.named("app")
                .textSearchDictionary(TextSearchDictionary.of("stem", "snowball", TextSearchDictionary.option("language", "english")))
                .textSearchConfiguration(other).toDatabase();
        String sql = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE).sql();
        assertBefore(sql, "ALTER TEXT SEARCH CONFIGURATION app.other DROP MAPPING IF EXISTS FOR word;", "DROP TEXT SEARCH DICTIONARY app.stem");
        assertBefore(sql, "DROP TEXT SEARCH DICTIONARY app.stem", "CREATE TEXT SEARCH DICTIONARY app.stem (TEMPLATE = pg_catalog.snowball");
        assertBefore(sql, "CREATE TEXT SEARCH DICTIONARY app.stem",
                "ALTER TEXT SEARCH CONFIGURATION app.other ALTER MAPPING FOR word WITH pg_catalog.simple, app.stem");
        assertFalse(sql.contains("FOR email"), "a mapping without the dictionary stays: " + sql);
    }

    @Test
    void optionsAndMappingsChangeInPlace() {
        Database actual = Schema.named("app")
                .textSearchDictionary(TextSearchDictionary.of("stem", "snowball", TextSearchDictionary.option("language", "english"),
                        TextSearchDictionary.option("stopwords", "english")))
                .textSearchConfiguration(cfg(TextSearchConfiguration.DEFAULT_PARSER, new Mapping("word", List.of(STEM)),
                        new Mapping("email", List.of(SIMPLE)))).toDatabase();
        Database expected = Schema.named("app")
                .textSearchDictionary(TextSearchDictionary.of("stem", "snowball", TextSearchDictionary.option("language", "dutch"))
                        .withComment("it's dutch"))
                .textSearchConfiguration(cfg(TextSearchConfiguration.DEFAULT_PARSER, new Mapping("word", List.of(SIMPLE, STEM)),
                        new Mapping("url", List.of(SIMPLE)))).toDatabase();
        assertEquals(List.of(
                "ALTER TEXT SEARCH DICTIONARY app.stem (language = 'dutch', stopwords)",
                "ALTER TEXT SEARCH CONFIGURATION app.cfg DROP MAPPING IF EXISTS FOR email",
                "ALTER TEXT SEARCH CONFIGURATION app.cfg ALTER MAPPING FOR url WITH pg_catalog.simple",
                "ALTER TEXT SEARCH CONFIGURATION app.cfg ALTER MAPPING FOR word WITH pg_catalog.simple, app.stem",
                "COMMENT ON TEXT SEARCH DICTIONARY app.stem IS 'it''s dutch'"),
                MigrationPlanner.plan(expected, actual, PlanOptions.SAFE).statements().stream().map(PlanStatement::sql).toList());
    }

    @Test
    void dropsComeLastConfigurationsFirstAndWaitForAHeldBackColumnDrop() {
        Database actual = usingCfg(cfg(TextSearchConfiguration.DEFAULT_PARSER, new Mapping("word", List.of(STEM))))
                .toDatabase().withDependencies(usesOfCfg());
        Database expected = Schema.named("app").table("doc", t -> t.column("body", text())).toDatabase();

        String sql = MigrationPlanner.plan(expected, actual, PlanOptions.ALLOW_DROPS).sql();
        assertBefore(sql, "ALTER TABLE app.doc DROP COLUMN search", "DROP TEXT SEARCH CONFIGURATION app.cfg");
        assertBefore(sql, "DROP TEXT SEARCH CONFIGURATION app.cfg", "DROP TEXT SEARCH DICTIONARY app.stem");

        MigrationPlan safe = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
        assertEquals(List.of("ALTER TABLE app.doc DROP COLUMN draft", "ALTER TABLE app.doc DROP COLUMN search",
                        "DROP TEXT SEARCH CONFIGURATION app.cfg", "DROP TEXT SEARCH DICTIONARY app.stem"),
                safe.skipped().stream().map(PlanStatement::sql).sorted().toList(),
                "the configuration (and the dictionary it maps) wait for the columns that use it");
    }

    @Test
    void valuesAreLiteralsAndNamesQuotedIdentifiersEachStatementOneCommand() throws Exception {
        Database expected = Schema.named("app")
                .textSearchDictionary(new TextSearchDictionary("d'); drop table t; --", QualifiedName.of("pg_catalog", "simple"),
                        List.of(TextSearchDictionary.option("stopwords", "english'); drop table t; --\\")), "x'); drop table t; --"))
                .textSearchConfiguration(new TextSearchConfiguration("c\"; drop table t; --", QualifiedName.of("x\"y", "p"),
                        List.of(new Mapping("word; drop table t", List.of(QualifiedName.of("app", "d'); drop table t; --")))), null))
                .toDatabase();
        MigrationPlan plan = MigrationPlanner.baseline(expected);
        PlanExecutor.requireSingleCommands(plan);
        assertEquals(List.of(
                "CREATE TEXT SEARCH DICTIONARY app.\"d'); drop table t; --\" (TEMPLATE = pg_catalog.simple, stopwords = E'english''); drop table t; --\\\\')",
                "CREATE TEXT SEARCH CONFIGURATION app.\"c\"\"; drop table t; --\" (PARSER = \"x\"\"y\".p)",
                "ALTER TEXT SEARCH CONFIGURATION app.\"c\"\"; drop table t; --\" ALTER MAPPING FOR \"word; drop table t\" WITH app.\"d'); drop table t; --\"",
                "COMMENT ON TEXT SEARCH DICTIONARY app.\"d'); drop table t; --\" IS 'x''); drop table t; --'"),
                plan.statements().stream().map(PlanStatement::sql).filter(sql -> sql.contains("TEXT SEARCH")).toList());
    }
}
