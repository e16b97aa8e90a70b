package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaObject;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.View;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.Objects;

import static dev.schemaguard.sql.PlanContext.*;
import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Schemas, extensions, and the routing of the objects in a schema to the planner of their kind.
 */
final class SchemaPlanner extends ConcernPlanner {

    SchemaPlanner(Planners planners) {
        super(planners);
    }

    void schemaAdded(SchemaChange.SchemaAdded added) {
        String name = added.schema().name();
        ledger.addSchema(name, cause());
        PlanGroup group = group().add(PlanPhase.CREATE_SCHEMAS, DdlRenderer.createSchema(name), Kind.CREATE, NONE, "create schema " + name);
        if (added.schema().comment() != null) {
            group.add(PlanPhase.COMMENTS, DdlRenderer.commentOnSchema(name, added.schema().comment()), Kind.CREATE, NONE,
                    "comment on schema " + name);
        }
        added.schema().objects().forEach(object -> planObjectAdded(name, object));
    }

    void schemaCommentChanged(SchemaChange.SchemaCommentChanged c) {
        group().add(PlanPhase.COMMENTS, DdlRenderer.commentOnSchema(c.schema(), c.expected()), Kind.ALTER, NONE,
                "set the comment on schema " + c.schema());
    }

    void extensionAdded(SchemaChange.ExtensionAdded e) {
        group().add(PlanPhase.CREATE_EXTENSIONS, DdlObjects.createExtension(e.extension()), Kind.CREATE, NONE,
                "create extension " + e.extension().name());
    }

    void extensionDropped(SchemaChange.ExtensionDropped e) {
        group().add(PlanPhase.DROP_EXTENSIONS, DdlObjects.dropExtension(e.extension()), Kind.DROP, NONE,
                "drop extension " + e.extension().name() + " (fails while objects still use it)");
    }

    void planSchemaDrop(Schema schema) {
        PlanGroup group = group();
        for (Table table : schema.tables()) {
            tables().planTableDrop(group, QualifiedName.of(schema.name(), table.name()), table);
        }
        schema.objects().forEach(object -> planObjectDropped(schema.name(), object));
        group.add(PlanPhase.DROP_SCHEMAS, DdlRenderer.dropSchema(schema.name()), Kind.DROP, NONE,
                "drop schema " + schema.name() + " (fails if it holds objects schemaguard does not model)");
    }

    void planExtensionAlter(Extension want, Extension have) {
        PlanGroup group = group();
        if (want.version() != null && !want.version().equals(have.version())) {
            group.add(PlanPhase.ALTER_EXTENSIONS, DdlObjects.updateExtension(want), Kind.ALTER, NONE,
                    "update extension " + want.name() + " from version " + have.version() + " to " + want.version());
        }
        if (want.schema() != null && !want.schema().equals(have.schema())) {
            group.add(PlanPhase.ALTER_EXTENSIONS, DdlObjects.moveExtension(want), Kind.ALTER, NONE,
                    "move extension " + want.name() + " from schema " + have.schema() + " to " + want.schema());
        }
    }

    /** Views, routines and aggregates are dropped and created through the dependents; the rest are types. */
    private static boolean isRoutineOrView(SchemaObject object) {
        return object instanceof View || object instanceof Routine || object instanceof Aggregate;
    }

    void planObjectAdded(String schema, SchemaObject object) {
        if (isRoutineOrView(object)) {
            routines().objectAdded(schema, object);
        } else {
            types().objectAdded(schema, object);
        }
    }

    void planObjectDropped(String schema, SchemaObject object) {
        touch(objectRef(schema, object));
        if (isRoutineOrView(object)) {
            routines().objectDropped(schema, object);
        } else {
            types().objectDropped(schema, object);
        }
    }

    void planObjectAltered(String schema, SchemaObject want, SchemaObject have) {
        boolean recreated = isRoutineOrView(want) ? routines().objectAltered(schema, want, have)
                : types().objectAltered(schema, want, have);
        if (!recreated && !Objects.equals(want.comment(), have.comment())) {
            QualifiedName name = QualifiedName.of(schema, want.name());
            group().add(PlanPhase.COMMENTS, DdlObjects.comment(schema, want, want.comment()), Kind.ALTER, NONE,
                    "set the comment on " + want.kind() + " " + name);
        }
    }
}
