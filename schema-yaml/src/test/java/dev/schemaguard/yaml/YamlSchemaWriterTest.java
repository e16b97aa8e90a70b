package dev.schemaguard.yaml;

import static dev.schemaguard.model.DataTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Dependency;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.ForeignKey.ReferentialAction;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaBuilder;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.View;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

class YamlSchemaWriterTest {

    @Test
    void aSchemaOfSeveralMegabytesReadsBack() throws IOException {
        SchemaBuilder builder = Schema.named("app");
        for (int i = 0; i < 12_000; i++) {
            builder.table("table_" + i, t -> {
                t.column("id", bigint()).notNull().primaryKey();
                t.column("name", text()).notNull().comment("a name that takes some room in the YAML file");
                t.column("amount", numeric(12, 2)).defaultValue("0");
                t.check("(amount >= (0)::numeric)");
            });
        }
        Database database = builder.toDatabase();
        String yaml = YamlSchemaWriter.write(database);
        assertTrue(yaml.length() > 3_200_000,
                "larger than SnakeYAML's default limit of 3 MB: " + yaml.length());
        Database back = YamlSchemaReader.readString(yaml, "large.yaml");
        assertEquals(12_000, back.tableCount());
        SchemaDiff diff = SchemaDiff.compare(database, back);
        assertTrue(diff.isEmpty(), () -> diff.changes().size() + " differences, the first " + diff.changes().get(0));

        StringBuilder streamed = new StringBuilder();
        int[] largestPiece = {0};
        YamlSchemaWriter.write(database, new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                streamed.append(chars, offset, length);
                largestPiece[0] = Math.max(largestPiece[0], length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        assertEquals(yaml, streamed.toString());
        assertTrue(largestPiece[0] < 64 * 1024, "written as it is made, not at the end: " + largestPiece[0]);
    }

    @Test
    void writesShortFormsAndLeavesOutDefaults() {
        Database database = Schema.named("public").comment("the application")
                .table("organisations", t -> {
                    t.column("id", uuid()).notNull().defaultValue("gen_random_uuid()").primaryKey();
                    t.column("name", varchar(255)).notNull().unique();
                })
                .table("documents", t -> {
                    t.column("id", bigserial()).primaryKey();
                    t.column("org_id", uuid()).notNull().comment("owner");
                    t.column("status", text()).notNull().defaultValue("'draft'::text");
                    t.column("title", text()).defaultValue("'a: b'::text");
                    t.column("yes", bool());
                    t.foreignKey("org_id").references("organisations", "id").onDelete(ReferentialAction.CASCADE);
                    t.unique("org_id", "title").nullsNotDistinct();
                    t.check("(length(title) < 200)");
                    t.index(IndexKey.column("org_id"), IndexKey.column("status").desc()).where("(status <> 'draft'::text)");
                    t.rowLevelSecurity();
                    t.policy("same org").forCommand(Policy.Command.SELECT).to("app").using("(org_id = current_org())");
                })
                .toDatabase();

        assertEquals("""
                schemas:
                  public:
                    comment: the application
                    tables:
                      documents:
                        columns:
                          id: bigserial primary key
                          org_id:
                            type: uuid
                            not_null: true
                            references: organisations(id) on delete cascade
                            comment: owner
                          status: text not null default 'draft'::text
                          title: "text default 'a: b'::text"
                          'yes': boolean
                        unique:
                          - columns: [org_id, title]
                            nulls_not_distinct: true
                        checks:
                          - (length(title) < 200)
                        indexes:
                          - columns:
                              - org_id
                              - column: status
                                order: desc
                            where: (status <> 'draft'::text)
                        row_level_security: enabled
                        policies:
                          same org:
                            for: select
                            to: [app]
                            using: (org_id = current_org())
                      organisations:
                        columns:
                          id: uuid default gen_random_uuid() primary key
                          name: character varying(255) not null unique
                """, YamlSchemaWriter.write(database));
    }

    @Test
    void writesEveryObjectKindWithMultiLineSqlAsBlockScalars() {
        Schema schema = Schema.named("public")
                .table("bookings", t -> {
                    t.column("room", integer()).notNull();
                    t.column("during", DataType.of("tstzrange")).notNull();
                    t.exclude("no_overlap", "EXCLUDE USING gist (room WITH =, during WITH &&)");
                    t.trigger("touch", "CREATE TRIGGER touch BEFORE UPDATE ON public.bookings FOR EACH ROW EXECUTE FUNCTION touch()");
                })
                .table("events", t -> {
                    t.column("id", bigint()).notNull();
                    t.column("created_at", timestamptz()).notNull();
                    t.partitionBy(Partitioning.Strategy.RANGE, "created_at");
                })
                .table("events_2024", t -> {
                    t.partitionOf("events", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
                    t.index("created_at");
                    t.unlogged();
                })
                .table("events_archived", t -> {
                    t.column("archived_at", timestamptz());
                    t.check("created_at < archived_at").named("archived_after_creation");
                    t.inherits("events");
                    t.inherits(QualifiedName.of("audit", "stamped"));
                })
                .sequence(new Sequence("order_no", bigint(), new SequenceOptions(1000L, 10L, null, null, null, false),
                        "bookings", "room", null))
                .enumType("mood", "sad", "ok", "happy")
                .domain(new Domain("email", text(), true, null, null,
                        List.of(new CheckConstraint("email_check", "(VALUE ~ '@'::text)", false, false, null)), null, java.util.Map.of(), null))
                .compositeType(new CompositeType("address", List.of(new CompositeType.Attribute("street", text(), null),
                        new CompositeType.Attribute("city", text(), "\"C\"")), null, null))
                .view("active_rooms", " SELECT bookings.room\n   FROM bookings")
                .view(new View("room_counts", true, " SELECT count(*) AS n\n   FROM bookings", List.of(new Index("room_counts_n",
                        false, "btree", List.of(IndexKey.column("n")), List.of(), null, false, List.of(), null, null, true)), "refreshed nightly", List.of(), List.of(), List.of()))
                .routine(new Routine("archive", "before date", Routine.Kind.PROCEDURE,
                        "CREATE OR REPLACE PROCEDURE public.archive(before date)\n LANGUAGE sql\nAS $procedure$DELETE FROM events$procedure$",
                        "moves old events away"))
                .routine(new Routine("touch", "", Routine.Kind.FUNCTION, """
                        CREATE OR REPLACE FUNCTION public.touch()
                         RETURNS trigger
                         LANGUAGE plpgsql
                        AS $function$
                        BEGIN
                          RETURN NEW;
                        END
                        $function$
                        """, null))
                .build();
        Database database = Database.of(schema)
                .withExtensions(List.of(new Extension("btree_gist", "public", "1.7"), new Extension("pgcrypto", null, null)))
                .withDependencies(List.of(new Dependency(ObjectRef.of(ObjectRef.Kind.VIEW, "public", "active_rooms"),
                        ObjectRef.of(ObjectRef.Kind.TABLE, "public", "bookings"))));

        String yaml = YamlSchemaWriter.write(database);
        assertEquals("""
                extensions:
                  btree_gist:
                    schema: public
                    version: '1.7'
                  pgcrypto: {}
                schemas:
                  public:
                    tables:
                      bookings:
                        columns:
                          room: integer not null
                          during: tstzrange not null
                        exclude:
                          no_overlap: EXCLUDE USING gist (room WITH =, during WITH &&)
                        triggers:
                          touch: CREATE TRIGGER touch BEFORE UPDATE ON public.bookings FOR EACH ROW EXECUTE FUNCTION touch()
                      events:
                        columns:
                          id: bigint not null
                          created_at: timestamp with time zone not null
                        partition_by: range (created_at)
                      events_2024:
                        indexes:
                          - columns: [created_at]
                        partition_of:
                          parent: events
                          bound: FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
                        unlogged: true
                      events_archived:
                        columns:
                          archived_at: timestamp with time zone
                        checks:
                          - name: archived_after_creation
                            expression: created_at < archived_at
                        inherits: [events, audit.stamped]
                    sequences:
                      order_no:
                        start: 1000
                        increment: 10
                        owned_by: bookings.room
                    enums:
                      mood: [sad, ok, happy]
                    domains:
                      email:
                        type: text
                        not_null: true
                        checks:
                          email_check: (VALUE ~ '@'::text)
                    composite_types:
                      address:
                        attributes:
                          street: text
                          city:
                            type: text
                            collation: '"C"'
                    views:
                      active_rooms: |2-
                         SELECT bookings.room
                           FROM bookings
                      room_counts:
                        query: |2-
                           SELECT count(*) AS n
                             FROM bookings
                        materialized: true
                        indexes:
                          - name: room_counts_n
                            columns:
                              - 'n'
                        comment: refreshed nightly
                    functions:
                      touch(): |
                        CREATE OR REPLACE FUNCTION public.touch()
                         RETURNS trigger
                         LANGUAGE plpgsql
                        AS $function$
                        BEGIN
                          RETURN NEW;
                        END
                        $function$
                    procedures:
                      archive(before date):
                        definition: |-
                          CREATE OR REPLACE PROCEDURE public.archive(before date)
                           LANGUAGE sql
                          AS $procedure$DELETE FROM events$procedure$
                        comment: moves old events away
                """, yaml);
        assertEquals(database.withDependencies(List.of()), YamlSchemaReader.readString(yaml, "written.yaml"),
                "everything but the dependencies, which the format leaves to introspection, reads back");
    }

    @Test
    void writesCollationsAndViewTriggers() {
        Schema schema = Schema.named("app")
                .collation(Collation.icu("loose", "und-u-ks-level2").nondeterministic().withComment("ignores case"))
                .collation(new Collation("mixed", Collation.Provider.LIBC, null, "C", "POSIX", true, null))
                .collation(Collation.icu("numeric", "en-u-kn-true"))
                .collation(Collation.libc("posix", "POSIX"))
                .view(new View("v", false, "SELECT 1 AS one", List.of(), null, List.of(), List.of(), List.of()).withTrigger("v_insert",
                        "CREATE TRIGGER v_insert INSTEAD OF INSERT ON app.v FOR EACH ROW EXECUTE FUNCTION app.ins()"))
                .build();
        Database database = Database.of(schema);

        String yaml = YamlSchemaWriter.write(database);
        assertEquals("""
                schemas:
                  app:
                    views:
                      v:
                        query: SELECT 1 AS one
                        triggers:
                          v_insert: CREATE TRIGGER v_insert INSTEAD OF INSERT ON app.v FOR EACH ROW EXECUTE FUNCTION app.ins()
                    collations:
                      loose:
                        provider: icu
                        locale: und-u-ks-level2
                        deterministic: false
                        comment: ignores case
                      mixed:
                        lc_collate: C
                        lc_ctype: POSIX
                      numeric:
                        provider: icu
                        locale: en-u-kn-true
                      posix:
                        locale: POSIX
                """, yaml);
        assertEquals(database, YamlSchemaReader.readString(yaml, "written"));
    }
}
