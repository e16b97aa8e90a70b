package dev.schemaguard.diff;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.QualifiedName;

import java.util.Set;

/**
 * {@code serial} is shorthand for an integer column whose default draws from the sequence PostgreSQL creates
 * for it ({@code nextval('orders_id_seq'::regclass)}). A column spelled the long way is rewritten to the short
 * one before comparing, so the two spellings are not drift.
 */
public final class SerialColumns {

    private static final Set<String> SERIAL_STORAGE = Set.of("smallint", "integer", "bigint");

    private SerialColumns() {
    }

    public static Column spelledAsSerial(QualifiedName table, Column column) {
        DataType type = column.type();
        if (column.defaultExpression() == null || !type.isBuiltIn() || type.isArray()
                || !SERIAL_STORAGE.contains(type.name()) || column.nullable()) {
            return column;
        }
        String sequence = Identifiers.defaultName(table.name(), column.name(), "seq");
        String bare = Identifiers.quote(sequence);
        String qualified = Identifiers.quote(table.schema()) + "." + bare;
        String expression = Expressions.normalize(column.defaultExpression());
        for (String name : new String[] {bare, qualified}) {
            if (expression.equals("nextval('" + name.replace("'", "''") + "'::regclass)")) {
                String serial = switch (type.name()) {
                    case "bigint" -> "bigserial";
                    case "smallint" -> "smallserial";
                    default -> "serial";
                };
                return column.withType(DataType.of(serial)).withDefault(null);
            }
        }
        return column;
    }
}
