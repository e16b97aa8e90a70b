package dev.schemaguard.cli;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Schema;
import dev.schemaguard.sql.CanonicalSchema;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.sql.ThrowawayDatabaseOnServer;
import dev.schemaguard.testkit.ThrowawayDatabase;
import dev.schemaguard.yaml.YamlSchemaReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static dev.schemaguard.model.DataTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-written schemas in natural spellings compare clean against databases built from equivalent SQL, and one
 * real difference in them is reported as exactly that one change: through a throwaway database (canonicalization),
 * and for the subset the text normalization covers, without one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanonicalComparisonTest {

    /** What the hand-written schemas describe, spelled differently again. */
    static final String SQL = """
            CREATE TABLE tenants (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL);
            CREATE TABLE documents (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id uuid NOT NULL REFERENCES tenants (id),
                email character varying(255) NOT NULL,
                status text NOT NULL DEFAULT 'draft'::text,
                active boolean DEFAULT TRUE,
                price numeric(10,2) NOT NULL DEFAULT 0,
                quantity integer NOT NULL DEFAULT 1,
                created_at timestamp with time zone DEFAULT now(),
                deleted_at timestamp with time zone,
                title text,
                title_lower text GENERATED ALWAYS AS (lower(title)) STORED,
                CONSTRAINT status_known CHECK (status = ANY (ARRAY['draft', 'sent'])),
                CONSTRAINT positive CHECK ((price >= 0) AND (quantity > 0))
            );
            CREATE INDEX documents_live_idx ON documents (tenant_id) WHERE (deleted_at IS NULL);
            CREATE INDEX documents_email_lower_idx ON documents (lower(email::text));
            ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON documents USING (tenant_id = (current_setting('app.tenant'))::uuid);
            """;

    /** Parts only a database can put into PostgreSQL's spelling (implicit casts of columns, sub-queries). */
    static final String SQL_NEEDING_A_DATABASE = """
            ALTER TABLE documents ADD COLUMN total numeric GENERATED ALWAYS AS (price * quantity) STORED;
            CREATE POLICY first_tenant ON documents FOR INSERT
                WITH CHECK (tenant_id = (SELECT t.id FROM tenants t ORDER BY t.id LIMIT 1));
            """;

    static final String YAML = """
            tables:
              tenants:
                columns:
                  id: uuid primary key default gen_random_uuid()
                  name: text not null
              documents:
                columns:
                  id: bigint generated always as identity primary key
                  tenant_id: uuid not null references tenants(id)
                  email: varchar(255) not null
                  status: text not null default 'draft'
                  active: bool default true
                  price: numeric(10,2) not null default 0
                  quantity: int not null default 1
                  created_at: timestamptz default now()
                  deleted_at: timestamptz
                  title: text
                  title_lower: text generated always as (lower(title)) stored
            #total
                checks:
                  - name: status_known
                    expression: status in ('draft','sent')
                  - name: positive
                    expression: price >= 0 and quantity > 0
                indexes:
                  - name: documents_live_idx
                    columns: [tenant_id]
                    where: deleted_at is null
                  - name: documents_email_lower_idx
                    columns:
                      - expression: lower(email)
                row_level_security: enabled
                policies:
                  tenant_isolation:
                    using: tenant_id = current_setting('app.tenant')::uuid
            #first_tenant
            """;

    private static final String YAML_TOTAL = "      total: numeric generated always as (price * quantity) stored";
    private static final String YAML_FIRST_TENANT = "      first_tenant:\n"
            + "        for: insert\n"
            + "        with_check: tenant_id = (select t.id from tenants t order by t.id limit 1)";

    /** One real difference, written into the YAML; what the comparison must report, and nothing else. */
    record Edit(String name, String from, String to, Class<? extends SchemaChange> change, String object) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Edit> edits() {
        return Stream.of(
                new Edit("another check value", "('draft','sent')", "('draft','paid')",
                        SchemaChange.ConstraintAltered.class, "status_known"),
                new Edit("another comparison in a check", "price >= 0", "price > 0",
                        SchemaChange.ConstraintAltered.class, "positive"),
                new Edit("another text default", "default 'draft'", "default 'new'",
                        SchemaChange.ColumnAltered.class, "status"),
                new Edit("another boolean default", "default true", "default false",
                        SchemaChange.ColumnAltered.class, "active"),
                new Edit("an index without its where", "\n        where: deleted_at is null", "",
                        SchemaChange.IndexAltered.class, "documents_live_idx"),
                new Edit("another index expression", "expression: lower(email)", "expression: upper(email)",
                        SchemaChange.IndexAltered.class, "documents_email_lower_idx"),
                new Edit("another policy expression", "current_setting('app.tenant')", "current_setting('app.org')",
                        SchemaChange.PolicyAltered.class, "tenant_isolation"),
                new Edit("another generated expression", "(lower(title)) stored", "(upper(title)) stored",
                        SchemaChange.ColumnAltered.class, "title_lower"));
    }

    private ThrowawayDatabase full;
    private ThrowawayDatabase subset;
    private Database fullActual;
    private Database subsetActual;
    private ThrowawayDatabaseOnServer throwaway;

    @BeforeAll
    void createDatabases() throws Exception {
        subset = Fixtures.database(SQL);
        full = Fixtures.database(SQL + SQL_NEEDING_A_DATABASE);
        subsetActual = introspect(subset);
        fullActual = introspect(full);
        throwaway = ThrowawayDatabaseOnServer.create(Fixtures.server().adminJdbcUrl(), new Properties());
    }

    @AfterAll
    void dropDatabases() throws Exception {
        throwaway.close();
        full.close();
        subset.close();
    }

    private static Database introspect(ThrowawayDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            return new PostgresIntrospector(IntrospectionOptions.only("public")).introspect(connection);
        }
    }

    static String fullYaml() {
        return YAML.replace("#total", YAML_TOTAL).replace("#first_tenant", YAML_FIRST_TENANT);
    }

    private static String subsetYaml() {
        return YAML.replace("#total\n", "").replace("#first_tenant\n", "");
    }

    private static Database yaml(String text) throws Exception {
        return YamlSchemaReader.readString(text, "documents.yaml");
    }

    // --- clean comparisons ---------------------------------------------------------------------------------

    @Test
    void yamlInNaturalSpellingsComparesCleanThroughAThrowawayDatabase() throws Exception {
        Database canonical = CanonicalSchema.canonicalize(yaml(fullYaml()), throwaway);
        assertEquals(List.of(), SchemaDiff.compare(canonical, fullActual).changes());
    }

    @Test
    void dslInNaturalSpellingsComparesCleanThroughAThrowawayDatabase() throws Exception {
        Database canonical = CanonicalSchema.canonicalize(dsl(true), throwaway);
        assertEquals(List.of(), SchemaDiff.compare(canonical, fullActual).changes());
    }

    @Test
    void textNormalizationAloneCoversTheCommonSpellings() throws Exception {
        assertEquals(List.of(), SchemaDiff.compare(yaml(subsetYaml()), subsetActual).changes());
        assertEquals(List.of(), SchemaDiff.compare(dsl(false), subsetActual).changes());
    }

    @Test
    void withoutADatabaseImplicitColumnCastsAndSubqueriesStillDiffer() throws Exception {
        List<SchemaChange> changes = SchemaDiff.compare(yaml(fullYaml()), fullActual).changes();
        assertEquals(2, changes.size(), changes::toString);
        assertTrue(changes.stream().anyMatch(c -> c instanceof SchemaChange.ColumnAltered altered
                && altered.expected().name().equals("total")), changes::toString);
        assertTrue(changes.stream().anyMatch(c -> c instanceof SchemaChange.PolicyAltered altered
                && altered.expected().name().equals("first_tenant")), changes::toString);
    }

    @Test
    void theThrowawayDatabaseIsLeftEmpty() throws Exception {
        CanonicalSchema.canonicalize(yaml(fullYaml()), throwaway);
        try (Connection connection = throwaway.open()) {
            Database left = new PostgresIntrospector(IntrospectionOptions.ALL).introspect(connection);
            assertTrue(left.schemas().stream().allMatch(s -> s.tables().isEmpty()), left::toString);
        }
    }

    // --- one difference each ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void oneDifferenceThroughAThrowawayDatabase(Edit edit) throws Exception {
        Database canonical = CanonicalSchema.canonicalize(yaml(apply(edit, fullYaml())), throwaway);
        assertSingleChange(edit, SchemaDiff.compare(canonical, fullActual).changes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void oneDifferenceByTextNormalization(Edit edit) throws Exception {
        assertSingleChange(edit, SchemaDiff.compare(yaml(apply(edit, subsetYaml())), subsetActual).changes());
    }

    private static String apply(Edit edit, String yaml) {
        assertTrue(yaml.contains(edit.from()), () -> "the edit '" + edit + "' does not apply");
        return yaml.replace(edit.from(), edit.to());
    }

    private static void assertSingleChange(Edit edit, List<SchemaChange> changes) {
        assertEquals(1, changes.size(), () -> edit + ": " + changes);
        SchemaChange change = assertInstanceOf(edit.change(), changes.get(0));
        assertEquals("public.documents", change.subject());
        String object;
        if (change instanceof SchemaChange.ConstraintAltered c) {
            object = c.expected().name();
        } else if (change instanceof SchemaChange.ColumnAltered c) {
            object = c.expected().name();
        } else if (change instanceof SchemaChange.IndexAltered c) {
            object = c.expected().name();
        } else {
            object = ((SchemaChange.PolicyAltered) change).expected().name();
        }
        assertEquals(edit.object(), object, changes::toString);
    }

    // --- the DSL ------------------------------------------------------------------------------------------

    /** The same schema in the Java DSL, in natural spellings; {@code full} adds the parts needing a database. */
    private static Database dsl(boolean full) {
        Schema schema = Schema.named("public")
                .table("tenants", t -> {
                    t.column("id", uuid()).primaryKey().defaultValue("gen_random_uuid()");
                    t.column("name", text()).notNull();
                })
                .table("documents", t -> {
                    t.column("id", bigint()).identityAlways().primaryKey();
                    t.column("tenant_id", uuid()).notNull().references("tenants", "id");
                    t.column("email", varchar(255)).notNull();
                    t.column("status", text()).notNull().defaultValue("'draft'");
                    t.column("active", bool()).defaultValue("TRUE");
                    t.column("price", numeric(10, 2)).notNull().defaultValue("0");
                    t.column("quantity", integer()).notNull().defaultValue("1");
                    t.column("created_at", timestamptz()).defaultValue("now()");
                    t.column("deleted_at", timestamptz());
                    t.column("title", text());
                    t.column("title_lower", text()).generatedAs("lower(title)");
                    if (full) {
                        t.column("total", numeric()).generatedAs("price * quantity");
                    }
                    t.check("status IN ('draft', 'sent')").named("status_known");
                    t.check("price >= 0 AND quantity > 0").named("positive");
                    t.index("tenant_id").named("documents_live_idx").where("deleted_at IS NULL");
                    t.index(IndexKey.expression("lower(email)")).named("documents_email_lower_idx");
                    t.rowLevelSecurity();
                    t.policy("tenant_isolation").using("tenant_id = current_setting('app.tenant')::uuid");
                    if (full) {
                        t.policy("first_tenant").forCommand(dev.schemaguard.model.Policy.Command.INSERT)
                                .withCheck("tenant_id = (SELECT t.id FROM tenants t ORDER BY t.id LIMIT 1)");
                    }
                })
                .build();
        return Database.of(schema);
    }
}
