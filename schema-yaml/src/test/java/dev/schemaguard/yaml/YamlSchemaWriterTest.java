package dev.schemaguard.yaml;

import static dev.schemaguard.model.DataTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey.ReferentialAction;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.Schema;
import org.junit.jupiter.api.Test;

class YamlSchemaWriterTest {

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
    void refusesModelsWithPartsTheFormatCannotHoldInsteadOfDroppingThem() {
        Database database = new Database(java.util.List.of(new Schema("app", java.util.List.of(), null,
                java.util.List.of(), java.util.List.of(new dev.schemaguard.model.EnumType("mood", java.util.List.of("ok"), null)),
                java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of())));
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> YamlSchemaWriter.write(database));
        org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().contains("enum app.mood"), error.getMessage());
    }
}
