package dev.schemaguard.diff;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code serial} is shorthand for a NOT NULL integer column whose default draws from a sequence the column owns,
 * named {@code <table>_<column>_seq} and created with default options ({@code nextval('orders_id_seq'::regclass)}).
 * How two models of one schema compare such columns depends on whether either lists that sequence as an object
 * of its own (a standalone sequence, or one whose options are not a serial's):
 * <ul>
 * <li>Neither does: the sequence is part of the column, and a column spelled the long way compares as serial.</li>
 * <li>One does: the sequence is compared as an object. Serial columns compare spelled the long way, and the model
 * that does not list the sequence is given the one its serial column implies ({@link #impliedSequences}), so
 * that a change of ownership or options is planned as ALTER SEQUENCE, not as a second sequence of that name.</li>
 * </ul>
 */
public final class SerialColumns {

    private static final Set<String> SERIAL_STORAGE = Set.of("smallint", "integer", "bigint");

    /** Names of the sequences either model lists in this schema. */
    private final Set<String> listedSequences;

    private SerialColumns(Set<String> listedSequences) {
        this.listedSequences = listedSequences;
    }

    /** The rules for schema {@code schema} of two models. */
    public static SerialColumns between(Database expected, Database actual, String schema) {
        return between(expected.schema(schema).orElse(null), actual.schema(schema).orElse(null));
    }

    /** The rules for two models of one schema; either may be null. */
    public static SerialColumns between(Schema expected, Schema actual) {
        Set<String> listed = new HashSet<>();
        for (Schema schema : new Schema[] {expected, actual}) {
            if (schema != null) {
                schema.sequences().forEach(s -> listed.add(s.name()));
            }
        }
        return new SerialColumns(listed);
    }

    /** The column as the two models compare it: serial, or spelled the long way when its sequence is listed. */
    public Column comparable(QualifiedName table, Column column) {
        String sequence = sequenceName(table, column);
        if (!listedSequences.contains(sequence)) {
            return spelledAsSerial(table, column);
        }
        if (column.type().isSerial()) {
            return column.withType(column.type().storageType()).withDefault(nextval(table, sequence));
        }
        return drawsFrom(table, column, sequence) ? column.withDefault(nextval(table, sequence)) : column;
    }

    /**
     * The sequences {@code schema}'s serial columns imply that {@code other} lists and {@code schema} does not,
     * for columns both models have: each owned by its column, with a serial's options.
     */
    public List<Sequence> impliedSequences(Schema schema, Schema other) {
        Set<String> own = new HashSet<>();
        schema.sequences().forEach(s -> own.add(s.name()));
        Set<String> others = new HashSet<>();
        other.sequences().forEach(s -> others.add(s.name()));
        if (others.isEmpty()) {
            return List.of(); // nothing to imply: the usual case, and it skips a look at every column
        }
        List<Sequence> implied = new ArrayList<>();
        for (Table table : schema.tables()) {
            Table otherTable = other.table(table.name()).orElse(null);
            if (otherTable == null) {
                continue;
            }
            QualifiedName name = QualifiedName.of(schema.name(), table.name());
            for (Column column : table.columns()) {
                DataType serial = spelledAsSerial(name, column).type();
                if (!serial.isSerial()) {
                    continue;
                }
                String sequence = sequenceName(name, column);
                if (!own.contains(sequence) && others.contains(sequence) && otherTable.column(column.name()).isPresent()) {
                    implied.add(new Sequence(sequence, serial.storageType(), SequenceOptions.DEFAULTS, table.name(),
                            column.name(), null));
                }
            }
        }
        return implied;
    }

    /** The name PostgreSQL gives the sequence of a serial column: {@code <table>_<column>_seq}, cut to fit. */
    public static String sequenceName(QualifiedName table, Column column) {
        return Identifiers.defaultName(table.name(), column.name(), "seq");
    }

    /** The column's default as PostgreSQL stores it: a serial column's draws from its sequence. */
    public static String defaultExpression(QualifiedName table, Column column) {
        return column.type().isSerial() ? nextval(table, sequenceName(table, column)) : column.defaultExpression();
    }

    /** The column with serial type and no default if it is a NOT NULL integer drawing from its serial sequence. */
    static Column spelledAsSerial(QualifiedName table, Column column) {
        DataType type = column.type();
        if (!type.isBuiltIn() || type.isArray() || !SERIAL_STORAGE.contains(type.name()) || column.nullable()
                || !drawsFrom(table, column, sequenceName(table, column))) {
            return column;
        }
        String serial = switch (type.name()) {
            case "bigint" -> "bigserial";
            case "smallint" -> "smallserial";
            default -> "serial";
        };
        return column.withDefault(null).withType(DataType.of(serial));
    }

    /** Whether the column's default is {@code nextval} of the sequence, named with or without its schema. */
    private static boolean drawsFrom(QualifiedName table, Column column, String sequence) {
        if (column.defaultExpression() == null) {
            return false;
        }
        String bare = Identifiers.quote(sequence);
        String qualified = Identifiers.quote(table.schema()) + "." + bare;
        String expression = Expressions.normalize(column.defaultExpression());
        return expression.equals(nextvalOf(bare)) || expression.equals(nextvalOf(qualified));
    }

    private static String nextval(QualifiedName table, String sequence) {
        return nextvalOf(Identifiers.quote(table.schema()) + "." + Identifiers.quote(sequence));
    }

    private static String nextvalOf(String sequenceName) {
        return "nextval('" + sequenceName.replace("'", "''") + "'::regclass)";
    }
}
