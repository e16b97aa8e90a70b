package dev.schemaguard.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A YAML file written the way people write it (tables, some inheriting or partitioned, and an enum, a sequence, a
 * view with a trigger, functions, a collation, aggregates and casts) compares clean
 * against a real database created from the equivalent SQL, on every configured PostgreSQL version; and the database written out as YAML reads back
 * to the same model.
 */
class HandWrittenYamlMatchesDatabaseTest {

    private static final String YAML = """
            casts:
              - {source: mood, target: integer, function: public.mood_rank(mood), context: assignment}
              - {source: mood, target: text, method: inout}
            schemas:
              public:
                comment: The application
                tables:
                  organisations:
                    comment: Customers of the service
                    columns:
                      id: uuid primary key default gen_random_uuid()
                      name: varchar(255) not null unique
                      slug: text not null collate "C"
                      handle: text collate public.by_number
                      created_at: timestamptz not null default now()
                      mood: mood not null default 'ok'::mood
                  documents:
                    columns:
                      id: bigserial primary key
                      org_id: uuid not null references organisations(id) on delete cascade
                      number: int not null
                      status: text not null default 'draft'::text
                      tags: text[]
                      price: numeric(10,2)
                      quantity: int4 not null default 1
                      total: numeric generated always as (price * (quantity)::numeric) stored
                      body:
                        type: text
                        comment: Markdown
                      created: timestamptz
                    unique:
                      - [org_id, number]
                    checks:
                      - quantity > 0
                    indexes:
                      - name: documents_recent
                        columns:
                          - org_id
                          - column: created
                            order: desc
                        where: status <> 'deleted'::text
                      - columns:
                          - expression: lower(status)
                    row_level_security: enabled
                    policies:
                      own_org:
                        for: select
                        using: org_id IS NOT NULL
                  notes:
                    columns:
                      id: bigserial not null
                      kind: text not null
                  notes_a:
                    inherits: notes
                    checks:
                      - name: kind must be A
                        expression: kind = 'A'
                    unique:
                      - [id, kind]
                  notes_b:
                    inherits: [notes]
                    columns:
                      kind: text not null
                      extra: int
                  readings:
                    columns:
                      at: date not null
                      value: int
                    partition_by: range (at)
                  readings_2024:
                    partition_of: {parent: readings, bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"}
                    indexes:
                      - at
                sequences:
                  invoice_no: {start: 1000, increment: 10}
                enums:
                  mood: [sad, ok, happy]
                views:
                  organisation_count:
                    query: |
                      SELECT count(*) AS n
                      FROM organisations
                    triggers:
                      organisation_count_insert: CREATE TRIGGER organisation_count_insert INSTEAD OF INSERT ON public.organisation_count FOR EACH ROW EXECUTE FUNCTION ignore_insert()
                functions:
                  mood_rank(mood): |
                    CREATE OR REPLACE FUNCTION public.mood_rank(mood)
                     RETURNS integer
                     LANGUAGE sql
                     IMMUTABLE
                    AS $function$SELECT array_position(enum_range(NULL::mood), $1)$function$
                  ignore_insert(): |
                    CREATE OR REPLACE FUNCTION public.ignore_insert()
                     RETURNS trigger
                     LANGUAGE plpgsql
                    AS $function$ BEGIN RETURN NULL; END $function$
                collations:
                  by_number: {provider: icu, locale: en-u-kn-true}
                aggregates:
                  total_quantity(integer): {sfunc: int4pl, stype: integer, initcond: '0', parallel: safe, comment: Sums}
                  median(double precision ORDER BY anyelement):
                    sfunc: ordered_set_transition
                    stype: internal
                    finalfunc: percentile_disc_final
                    finalfunc_extra: true
              audit:
                tables:
                  events:
                    columns:
                      id: bigint generated always as identity primary key
                      document_id: bigint references public.documents(id)
                      at: timestamp not null
                      flag: bool default false
            """;

    private static final String SQL = """
            COMMENT ON SCHEMA public IS 'The application';
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE COLLATION by_number (provider = icu, locale = 'en-u-kn-true');
            CREATE SEQUENCE invoice_no START 1000 INCREMENT 10;
            CREATE TABLE organisations (
                id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                name character varying(255) NOT NULL UNIQUE,
                slug text COLLATE "C" NOT NULL,
                handle text COLLATE by_number,
                created_at timestamp with time zone NOT NULL DEFAULT now(),
                mood mood NOT NULL DEFAULT 'ok'
            );
            CREATE VIEW organisation_count AS SELECT count(*) AS n FROM organisations;
            CREATE FUNCTION ignore_insert() RETURNS trigger LANGUAGE plpgsql AS $function$ BEGIN RETURN NULL; END $function$;
            CREATE TRIGGER organisation_count_insert INSTEAD OF INSERT ON organisation_count
                FOR EACH ROW EXECUTE FUNCTION ignore_insert();
            COMMENT ON TABLE organisations IS 'Customers of the service';
            CREATE TABLE documents (
                id bigserial PRIMARY KEY,
                org_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
                number integer NOT NULL,
                status text NOT NULL DEFAULT 'draft',
                tags text[],
                price numeric(10, 2),
                quantity integer NOT NULL DEFAULT 1,
                total numeric GENERATED ALWAYS AS (price * quantity) STORED,
                body text,
                created timestamptz,
                UNIQUE (org_id, number),
                CHECK (quantity > 0)
            );
            COMMENT ON COLUMN documents.body IS 'Markdown';
            CREATE INDEX documents_recent ON documents (org_id, created DESC) WHERE status <> 'deleted';
            CREATE INDEX ON documents (lower(status));
            ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own_org ON documents FOR SELECT USING (org_id IS NOT NULL);
            CREATE TABLE notes (id bigserial, kind text NOT NULL);
            CREATE TABLE notes_a (CONSTRAINT "kind must be A" CHECK (kind = 'A'), UNIQUE (id, kind)) INHERITS (notes);
            CREATE TABLE notes_b (kind text NOT NULL, extra int) INHERITS (notes);
            CREATE TABLE readings (at date NOT NULL, value int) PARTITION BY RANGE (at);
            CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE INDEX ON readings_2024 (at);
            CREATE AGGREGATE total_quantity(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0', PARALLEL = SAFE);
            COMMENT ON AGGREGATE total_quantity(integer) IS 'Sums';
            CREATE AGGREGATE median(double precision ORDER BY anyelement) (SFUNC = ordered_set_transition,
                STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);
            CREATE CAST (mood AS text) WITH INOUT;
            CREATE FUNCTION mood_rank(mood) RETURNS integer LANGUAGE sql IMMUTABLE
                AS $function$SELECT array_position(enum_range(NULL::mood), $1)$function$;
            CREATE CAST (mood AS integer) WITH FUNCTION mood_rank(mood) AS ASSIGNMENT;
            CREATE SCHEMA audit;
            CREATE TABLE audit.events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                document_id bigint REFERENCES public.documents (id),
                at timestamp without time zone NOT NULL,
                flag boolean DEFAULT false
            );
            """;

    @Test
    void handWrittenYamlComparesCleanOnEveryServer() throws SQLException {
        Database expected = YamlSchemaReader.readString(YAML, "hand-written.yaml");
        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase database = ThrowawayDatabase.create(server)) {
                database.execute(SQL);
                Database actual;
                try (Connection connection = database.connect()) {
                    actual = new PostgresIntrospector(IntrospectionOptions.ALL).introspect(connection);
                }
                SchemaDiff diff = SchemaDiff.compare(expected, actual);
                assertTrue(diff.isEmpty(), server + ": " + diff.changes());
                // Dependencies are what introspection finds between objects; the YAML format leaves them out.
                assertEquals(actual.withDependencies(List.of()),
                        YamlSchemaReader.readString(YamlSchemaWriter.write(actual), "snapshot.yaml"),
                        server + ": the introspected database survives a YAML round trip");
            }
        }
    }
}
