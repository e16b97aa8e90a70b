package dev.schemaguard.model;

import java.util.List;

/** DSL builders for constraints; each may be given an explicit name, otherwise PostgreSQL's default is used. */
public final class ConstraintBuilder {

    private ConstraintBuilder() {
    }

    public static final class PrimaryKeyBuilder {
        private final List<String> columns;
        private String name;
        private String renamedFrom;

        PrimaryKeyBuilder(List<String> columns) {
            this.columns = columns;
        }

        List<String> columns() {
            return columns;
        }

        /** Declares the constraint renamed from {@code oldName}: the plan renames it (RENAME CONSTRAINT). */
        public PrimaryKeyBuilder renamedFrom(String oldName) {
            renamedFrom = oldName;
            return this;
        }

        public PrimaryKeyBuilder named(String constraintName) {
            name = constraintName;
            return this;
        }

        PrimaryKey build(String defaultName) {
            return new PrimaryKey(name != null ? name : defaultName, columns, renamedFrom);
        }
    }

    public static final class UniqueBuilder {
        private final List<String> columns;
        private String name;
        private String renamedFrom;
        private boolean nullsNotDistinct;
        private boolean deferrable;
        private boolean initiallyDeferred;

        UniqueBuilder(List<String> columns) {
            this.columns = columns;
        }

        /** Declares the constraint renamed from {@code oldName}: the plan renames it (RENAME CONSTRAINT). */
        public UniqueBuilder renamedFrom(String oldName) {
            renamedFrom = oldName;
            return this;
        }

        public UniqueBuilder named(String constraintName) {
            name = constraintName;
            return this;
        }

        public UniqueBuilder nullsNotDistinct() {
            nullsNotDistinct = true;
            return this;
        }

        public UniqueBuilder deferrable() {
            deferrable = true;
            return this;
        }

        public UniqueBuilder initiallyDeferred() {
            deferrable = true;
            initiallyDeferred = true;
            return this;
        }

        List<String> columns() {
            return columns;
        }

        UniqueConstraint build(String defaultName) {
            return new UniqueConstraint(name != null ? name : defaultName, columns, nullsNotDistinct, deferrable, initiallyDeferred, renamedFrom);
        }
    }

    public static final class ForeignKeyBuilder {
        private final String schema;
        private final List<String> columns;
        private String name;
        private String renamedFrom;
        private QualifiedName referencedTable;
        private List<String> referencedColumns;
        private ForeignKey.ReferentialAction onUpdate;
        private ForeignKey.ReferentialAction onDelete;
        private ForeignKey.MatchType match;
        private boolean deferrable;
        private boolean initiallyDeferred;
        private boolean notValid;

        ForeignKeyBuilder(String schema, List<String> columns) {
            this.schema = schema;
            this.columns = columns;
        }

        /** References a table in the same schema. */
        public ForeignKeyBuilder references(String table, String... referencedColumnNames) {
            return references(QualifiedName.of(schema, table), referencedColumnNames);
        }

        public ForeignKeyBuilder references(QualifiedName table, String... referencedColumnNames) {
            referencedTable = table;
            referencedColumns = List.of(referencedColumnNames);
            return this;
        }

        /** Declares the constraint renamed from {@code oldName}: the plan renames it (RENAME CONSTRAINT). */
        public ForeignKeyBuilder renamedFrom(String oldName) {
            renamedFrom = oldName;
            return this;
        }

        public ForeignKeyBuilder named(String constraintName) {
            name = constraintName;
            return this;
        }

        public ForeignKeyBuilder onDelete(ForeignKey.ReferentialAction action) {
            onDelete = action;
            return this;
        }

        public ForeignKeyBuilder onUpdate(ForeignKey.ReferentialAction action) {
            onUpdate = action;
            return this;
        }

        public ForeignKeyBuilder matchFull() {
            match = ForeignKey.MatchType.FULL;
            return this;
        }

        public ForeignKeyBuilder deferrable() {
            deferrable = true;
            return this;
        }

        public ForeignKeyBuilder initiallyDeferred() {
            deferrable = true;
            initiallyDeferred = true;
            return this;
        }

        /** NOT VALID: rows already in the table are not checked when the key is added. */
        public ForeignKeyBuilder notValid() {
            notValid = true;
            return this;
        }

        List<String> columns() {
            return columns;
        }

        ForeignKey build(String defaultName) {
            if (referencedTable == null) {
                throw new IllegalStateException("foreign key on " + columns + " needs references(table, columns...)");
            }
            return new ForeignKey(name != null ? name : defaultName, columns, referencedTable, referencedColumns,
                    onUpdate, onDelete, match, deferrable, initiallyDeferred, notValid, renamedFrom);
        }
    }

    public static final class CheckBuilder {
        private final String expression;
        private String name;
        private String renamedFrom;
        private boolean noInherit;
        private boolean notValid;

        CheckBuilder(String expression) {
            this.expression = expression;
        }

        /** Declares the constraint renamed from {@code oldName}: the plan renames it (RENAME CONSTRAINT). */
        public CheckBuilder renamedFrom(String oldName) {
            renamedFrom = oldName;
            return this;
        }

        public CheckBuilder named(String constraintName) {
            name = constraintName;
            return this;
        }

        public CheckBuilder noInherit() {
            noInherit = true;
            return this;
        }

        /** NOT VALID: rows already in the table are not checked when the constraint is added. */
        public CheckBuilder notValid() {
            notValid = true;
            return this;
        }

        String expression() {
            return expression;
        }

        CheckConstraint build(String defaultName) {
            return new CheckConstraint(name != null ? name : defaultName, expression, noInherit, notValid, renamedFrom);
        }
    }
}
