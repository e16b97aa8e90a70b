package dev.schemaguard.cli;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Applies one schema- or table-level {@link SchemaChange} (grants on schemas and tables included) to a model: the
 * actual database with that single difference resolved. Used to plan the fix of each change on its own. May throw
 * {@link IllegalArgumentException} when the change cannot stand alone (dropping a column a constraint still uses);
 * callers then fix the rest of the table at once. Everything the change does not touch (other objects, extensions,
 * dependencies) is kept.
 */
final class ModelEdits {

    private ModelEdits() {
    }

    /**
     * Whether {@link #apply} knows how to apply the change to {@code actual} on its own: changes of schemas and
     * tables, and grants on a schema or on a table (or its columns) that {@code actual} already has. Grants on the
     * other objects, or on tables still to be created, go with the objects they are on; so do the trigger changes
     * of a view, table changes by shape whose subject is no table of {@code actual}.
     */
    static boolean applies(SchemaChange change, Database actual) {
        if (change instanceof SchemaChange.GrantAdded added) {
            return onSchemaOrExistingTable(added.grant(), actual);
        }
        if (change instanceof SchemaChange.GrantDropped dropped) {
            return onSchemaOrExistingTable(dropped.grant(), actual);
        }
        if (change instanceof SchemaChange.GrantOptionChanged option) {
            return onSchemaOrExistingTable(option.expected(), actual);
        }
        return change instanceof SchemaChange.SchemaAdded || change instanceof SchemaChange.SchemaDropped
                || change instanceof SchemaChange.SchemaCommentChanged || change instanceof SchemaChange.TableAdded
                || change instanceof SchemaChange.TableDropped
                || (change instanceof SchemaChange.TableChange c && actual.table(c.table()).isPresent());
    }

    private static boolean onSchemaOrExistingTable(Grant grant, Database actual) {
        ObjectRef on = grant.on();
        return switch (on.kind()) {
            case SCHEMA -> true;
            case TABLE, COLUMN -> actual.table(QualifiedName.of(on.schema(), on.name())).isPresent();
            default -> false;
        };
    }

    static Database apply(Database database, SchemaChange change) {
        if (change instanceof SchemaChange.SchemaAdded added) {
            List<Schema> schemas = new ArrayList<>(database.schemas());
            schemas.add(added.schema());
            return withSchemas(database, schemas);
        }
        if (change instanceof SchemaChange.SchemaDropped dropped) {
            return withSchemas(database,
                    database.schemas().stream().filter(s -> !s.name().equals(dropped.schema().name())).toList());
        }
        if (change instanceof SchemaChange.SchemaCommentChanged comment) {
            return withSchema(database, comment.schema(), s -> s.withComment(comment.expected()));
        }
        if (change instanceof SchemaChange.TableAdded added) {
            return withSchema(database, added.table().schema(), s -> {
                List<Table> tables = new ArrayList<>(s.tables());
                tables.add(added.definition());
                return s.withTables(tables);
            });
        }
        if (change instanceof SchemaChange.TableDropped dropped) {
            return withSchema(database, dropped.table().schema(), s -> s.withTables(
                    s.tables().stream().filter(t -> !t.name().equals(dropped.table().name())).toList()));
        }
        if (change instanceof SchemaChange.GrantAdded added) {
            return withGrants(database, added.grant().schema(), grants -> grants.add(added.grant()));
        }
        if (change instanceof SchemaChange.GrantDropped dropped) {
            return withGrants(database, dropped.grant().schema(), grants -> grants.remove(dropped.grant()));
        }
        if (change instanceof SchemaChange.GrantOptionChanged option) {
            return withGrants(database, option.expected().schema(),
                    grants -> grants.replaceAll(g -> g.equals(option.actual()) ? option.expected() : g));
        }
        if (change instanceof SchemaChange.TableChange tableChange) {
            return withTable(database, tableChange.table(), table -> editTable(table, tableChange));
        }
        throw new IllegalArgumentException("no edit for " + change.getClass().getSimpleName());
    }

    /** The database with one table replaced by {@code replacement} (or removed when it is null). */
    static Database replaceTable(Database database, QualifiedName name, Optional<Table> replacement) {
        return withSchema(database, name.schema(), s -> {
            List<Table> tables = new ArrayList<>();
            boolean replaced = false;
            for (Table table : s.tables()) {
                if (table.name().equals(name.name())) {
                    replacement.ifPresent(tables::add);
                    replaced = true;
                } else {
                    tables.add(table);
                }
            }
            if (!replaced) {
                replacement.ifPresent(tables::add);
            }
            return s.withTables(tables);
        });
    }

    private static Database withGrants(Database database, String schema, Consumer<List<Grant>> edit) {
        return withSchema(database, schema, s -> {
            List<Grant> grants = new ArrayList<>(s.grants());
            edit.accept(grants);
            return s.withGrants(grants);
        });
    }

    private static Table editTable(Table t, SchemaChange.TableChange change) {
        if (change instanceof SchemaChange.StorageParametersChanged parameters) {
            return t.withStorageParameters(parameters.expected());
        }
        if (change instanceof SchemaChange.ReplicaIdentityChanged identity) {
            return t.withReplicaIdentity(identity.expected());
        }
        if (change instanceof SchemaChange.ConstraintNotValidated validated) {
            return t.withCheckConstraints(t.checkConstraints().stream()
                            .map(c -> c.name().equals(validated.constraint().name()) ? c.withNotValid(false) : c).toList())
                    .withForeignKeys(t.foreignKeys().stream()
                            .map(f -> f.name().equals(validated.constraint().name()) ? f.withNotValid(false) : f).toList());
        }
        if (change instanceof SchemaChange.ConstraintCommentChanged comment) {
            java.util.Map<String, String> comments = new java.util.TreeMap<>(t.constraintComments());
            if (comment.expected() == null) {
                comments.remove(comment.constraint());
            } else {
                comments.put(comment.constraint(), comment.expected());
            }
            return t.withConstraintComments(comments);
        }
        if (change instanceof SchemaChange.IndexStorageParametersChanged parameters) {
            return t.withIndexes(t.indexes().stream().map(i -> i.name().equals(parameters.index())
                    ? i.withStorageParameters(parameters.expected()) : i).toList());
        }
        if (change instanceof SchemaChange.IndexCommentChanged comment) {
            return t.withIndexes(t.indexes().stream().map(i -> i.name().equals(comment.index())
                    ? i.withComment(comment.expected()) : i).toList());
        }
        TableDraft draft = new TableDraft(t);
        if (change instanceof SchemaChange.TableCommentChanged comment) {
            draft.comment = comment.expected();
        } else if (change instanceof SchemaChange.RowSecurityChanged rls) {
            draft.rowSecurity = rls.expected();
        } else if (change instanceof SchemaChange.PersistenceChanged persistence) {
            draft.unlogged = persistence.expectedUnlogged();
        } else if (change instanceof SchemaChange.ColumnAdded added) {
            draft.columns.add(added.column());
        } else if (change instanceof SchemaChange.ColumnDropped dropped) {
            draft.columns.removeIf(c -> c.name().equals(dropped.column().name()));
        } else if (change instanceof SchemaChange.ColumnAltered altered) {
            draft.columns.replaceAll(c -> c.name().equals(altered.expected().name()) ? altered.expected() : c);
        } else if (change instanceof SchemaChange.ConstraintAdded added) {
            draft.putConstraint(added.constraint());
        } else if (change instanceof SchemaChange.ConstraintDropped dropped) {
            draft.removeConstraint(dropped.constraint().name());
        } else if (change instanceof SchemaChange.ConstraintAltered altered) {
            draft.removeConstraint(altered.actual().name());
            draft.putConstraint(altered.expected());
        } else if (change instanceof SchemaChange.IndexAdded added) {
            draft.indexes.add(added.index());
        } else if (change instanceof SchemaChange.IndexDropped dropped) {
            draft.indexes.removeIf(i -> i.name().equals(dropped.index().name()));
        } else if (change instanceof SchemaChange.IndexAltered altered) {
            draft.indexes.replaceAll(i -> i.name().equals(altered.expected().name()) ? altered.expected() : i);
        } else if (change instanceof SchemaChange.PolicyAdded added) {
            draft.policies.add(added.policy());
        } else if (change instanceof SchemaChange.PolicyDropped dropped) {
            draft.policies.removeIf(p -> p.name().equals(dropped.policy().name()));
        } else if (change instanceof SchemaChange.PolicyAltered altered) {
            draft.policies.replaceAll(p -> p.name().equals(altered.expected().name()) ? altered.expected() : p);
        } else {
            throw new IllegalArgumentException("no edit for " + change.getClass().getSimpleName());
        }
        return draft.build();
    }

    private static Database withSchema(Database database, String name, UnaryOperator<Schema> edit) {
        List<Schema> schemas = new ArrayList<>();
        boolean found = false;
        for (Schema schema : database.schemas()) {
            if (schema.name().equals(name)) {
                schemas.add(edit.apply(schema));
                found = true;
            } else {
                schemas.add(schema);
            }
        }
        if (!found) {
            schemas.add(edit.apply(Schema.empty(name)));
        }
        return withSchemas(database, schemas);
    }

    private static Database withSchemas(Database database, List<Schema> schemas) {
        return database.withSchemas(schemas);
    }

    private static Database withTable(Database database, QualifiedName name, Function<Table, Table> edit) {
        Table table = database.table(name)
                .orElseThrow(() -> new IllegalArgumentException("table " + name + " is not in the model"));
        return replaceTable(database, name, Optional.of(edit.apply(table)));
    }

    /** A mutable copy of a table's parts, for editing; the less common parts are kept as they are. */
    private static final class TableDraft {
        private final Table original;
        private final String name;
        private final List<dev.schemaguard.model.Column> columns;
        private PrimaryKey primaryKey;
        private final List<UniqueConstraint> uniques;
        private final List<ForeignKey> foreignKeys;
        private final List<CheckConstraint> checks;
        private final List<dev.schemaguard.model.Index> indexes;
        private dev.schemaguard.model.RowSecurity rowSecurity;
        private final List<dev.schemaguard.model.Policy> policies;
        private String comment;
        private boolean unlogged;
        private final List<ExclusionConstraint> exclusions;

        TableDraft(Table t) {
            original = t;
            exclusions = new ArrayList<>(t.exclusionConstraints());
            name = t.name();
            columns = new ArrayList<>(t.columns());
            primaryKey = t.primaryKey();
            uniques = new ArrayList<>(t.uniqueConstraints());
            foreignKeys = new ArrayList<>(t.foreignKeys());
            checks = new ArrayList<>(t.checkConstraints());
            indexes = new ArrayList<>(t.indexes());
            rowSecurity = t.rowSecurity();
            policies = new ArrayList<>(t.policies());
            comment = t.comment();
            unlogged = t.unlogged();
        }

        void putConstraint(Constraint constraint) {
            if (constraint instanceof PrimaryKey pk) {
                primaryKey = pk;
            } else if (constraint instanceof UniqueConstraint unique) {
                uniques.add(unique);
            } else if (constraint instanceof ForeignKey fk) {
                foreignKeys.add(fk);
            } else if (constraint instanceof CheckConstraint check) {
                checks.add(check);
            } else if (constraint instanceof ExclusionConstraint exclusion) {
                exclusions.add(exclusion);
            }
        }

        void removeConstraint(String constraintName) {
            if (primaryKey != null && primaryKey.name().equals(constraintName)) {
                primaryKey = null;
            }
            uniques.removeIf(c -> c.name().equals(constraintName));
            foreignKeys.removeIf(c -> c.name().equals(constraintName));
            checks.removeIf(c -> c.name().equals(constraintName));
            exclusions.removeIf(c -> c.name().equals(constraintName));
        }

        Table build() {
            java.util.Set<String> kept = new java.util.HashSet<>();
            if (primaryKey != null) {
                kept.add(primaryKey.name());
            }
            java.util.stream.Stream.of(uniques, foreignKeys, checks, exclusions).flatMap(List::stream)
                    .forEach(c -> kept.add(((Constraint) c).name()));
            java.util.Map<String, String> comments = new java.util.TreeMap<>(original.constraintComments());
            comments.keySet().retainAll(kept);
            return original.withConstraintComments(comments).withColumns(columns).withPrimaryKey(primaryKey)
                    .withUniqueConstraints(uniques)
                    .withForeignKeys(foreignKeys).withCheckConstraints(checks).withIndexes(indexes)
                    .withRowSecurity(rowSecurity).withPolicies(policies).withComment(comment)
                    .withExclusionConstraints(exclusions).withUnlogged(unlogged);
        }
    }
}
