package dev.schemaguard.guard;

import dev.schemaguard.model.DataType;
import dev.schemaguard.model.QualifiedName;

import java.util.List;

/** One thing a guard required and the database does not have, with a line that says so. */
public sealed interface MissingObject {

    /** The table the requirement is about. */
    QualifiedName table();

    /** One line for a person, e.g. {@code missing column public.orders.total numeric(10,2)}. */
    String describe();

    /** The table does not exist; {@code requiredColumns} are the columns the guard asked of it (may be empty). */
    record MissingTable(QualifiedName table, List<String> requiredColumns) implements MissingObject {
        public MissingTable {
            requiredColumns = List.copyOf(requiredColumns);
        }

        public String describe() {
            return "missing table " + table
                    + (requiredColumns.isEmpty() ? "" : " (required columns: " + String.join(", ", requiredColumns) + ")");
        }
    }

    /** The table exists but has no such column; {@code type} is null when the guard named no type. */
    record MissingColumn(QualifiedName table, String column, DataType type) implements MissingObject {
        public String describe() {
            return "missing column " + table + "." + column + (type == null ? "" : " " + type.sql());
        }
    }

    /** The column exists with another type than the guard requires. */
    record WrongColumnType(QualifiedName table, String column, DataType expected, DataType actual) implements MissingObject {
        public String describe() {
            return "column " + table + "." + column + " is " + actual.sql() + ", expected " + expected.sql();
        }
    }

    /** The table has no index (nor primary key, unique or exclusion constraint) of that name. */
    record MissingIndex(QualifiedName table, String index) implements MissingObject {
        public String describe() {
            return "missing index " + index + " on " + table;
        }
    }
}
