package dev.schemaguard.model;

/** DSL for one column; returned by {@link TableBuilder#column(String, DataType)}. */
public final class ColumnBuilder {

    private final TableBuilder table;
    private final String name;
    private final DataType type;
    private boolean nullable = true;
    private String defaultExpression;
    private Identity identity;
    private String generatedExpression;
    private String collation;
    private String comment;
    private Column.Storage storage;
    private Column.Compression compression;
    private String renamedFrom;

    ColumnBuilder(TableBuilder table, String name, DataType type) {
        this.table = table;
        this.name = Identifiers.requireValid(name, "column name");
        this.type = type;
    }

    public ColumnBuilder notNull() {
        nullable = false;
        return this;
    }

    public ColumnBuilder nullable() {
        nullable = true;
        return this;
    }

    /** A default as an SQL expression: {@code now()}, {@code 0}, {@code 'draft'}. */
    public ColumnBuilder defaultValue(String expression) {
        defaultExpression = expression;
        return this;
    }

    public ColumnBuilder identityAlways() {
        identity = Identity.always();
        return this;
    }

    public ColumnBuilder identityByDefault() {
        identity = Identity.byDefault();
        return this;
    }

    public ColumnBuilder identity(Identity value) {
        identity = value;
        return this;
    }

    /** {@code GENERATED ALWAYS AS (expression) STORED}. */
    public ColumnBuilder generatedAs(String expression) {
        generatedExpression = expression;
        return this;
    }

    /** {@code COLLATE}: a name ({@code C}, {@code en_US}) or an SQL spelling ({@code "C"}, {@code app.german}). */
    public ColumnBuilder collate(String collationName) {
        collation = collationName == null ? null : Identifiers.collation(collationName);
        return this;
    }

    public ColumnBuilder comment(String text) {
        comment = text;
        return this;
    }

    /** {@code SET STORAGE}: how the values are stored, when not the type's default. */
    public ColumnBuilder storage(Column.Storage value) {
        storage = value;
        return this;
    }

    /** {@code SET COMPRESSION}: the compression method of large values (PostgreSQL 14 and later). */
    public ColumnBuilder compression(Column.Compression value) {
        compression = value;
        return this;
    }

    /**
     * Declares that this column was called {@code oldName}: while the table has {@code oldName} and not this
     * column, the plan renames it ({@code ALTER TABLE ... RENAME COLUMN}) and keeps its values.
     */
    public ColumnBuilder renamedFrom(String oldName) {
        renamedFrom = Identifiers.requireValid(oldName, "old name of column " + name);
        return this;
    }

    /** Makes this column the table's primary key. */
    public ColumnBuilder primaryKey() {
        table.primaryKey(name);
        return this;
    }

    public ColumnBuilder unique() {
        table.unique(name);
        return this;
    }

    /** A foreign key from this column to {@code column} of {@code referencedTable} in the same schema. */
    public ColumnBuilder references(String referencedTable, String column) {
        table.foreignKey(name).references(referencedTable, column);
        return this;
    }

    Column build() {
        return new Column(name, type, nullable, defaultExpression, identity, generatedExpression, collation, comment,
                storage, compression, renamedFrom);
    }
}
