package dev.schemaguard.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The records whose equals and hashCode are written out by hand ({@link Column}, {@link DataType}): each component
 * takes part in equals, equal values hash alike, and a component added to the record without a case here fails.
 */
class ModelEqualityTest {

    private static final DataType TEXT = DataType.of("text");

    @Test
    void everyComponentOfAColumnTakesPartInEquals() {
        Column base = Column.of("code", DataType.of("bigint")).withNullable(false)
                .withCollation("\"C\"").withComment("a code")
                .withStorage(Column.Storage.MAIN).withCompression(Column.Compression.PGLZ);
        Map<String, UnaryOperator<Column>> changes = Map.ofEntries(
                Map.entry("name", c -> c.withName("other")),
                Map.entry("type", c -> c.withType(TEXT)),
                Map.entry("nullable", c -> c.withNullable(true)),
                Map.entry("defaultExpression", c -> c.withDefault("0")),
                Map.entry("identity", c -> c.withIdentity(new Identity(Identity.Generation.ALWAYS, SequenceOptions.DEFAULTS))),
                Map.entry("generatedExpression", c -> c.withGenerated("(id * 2)")),
                Map.entry("collation", c -> c.withCollation("\"POSIX\"")),
                Map.entry("comment", c -> c.withComment("another")),
                Map.entry("storage", c -> c.withStorage(Column.Storage.EXTERNAL)),
                Map.entry("compression", c -> c.withCompression(Column.Compression.LZ4)),
                Map.entry("renamedFrom", c -> c.withRenamedFrom("old_code")));
        assertEveryComponentCounts(Column.class, base, changes);
        Column identity = Column.of("id", DataType.of("bigint"))
                .withIdentity(new Identity(Identity.Generation.ALWAYS, SequenceOptions.DEFAULTS));
        assertNotEquals(identity, identity.withIdentity(new Identity(Identity.Generation.BY_DEFAULT, SequenceOptions.DEFAULTS)));
    }

    @Test
    void everyComponentOfADataTypeTakesPartInEquals() {
        DataType base = new DataType("app", "money_amount", List.of("10", "2"), 1);
        Map<String, UnaryOperator<DataType>> changes = Map.of(
                "schema", t -> new DataType("other", t.name(), t.modifiers(), t.arrayDimensions()),
                "name", t -> new DataType(t.schema(), "amount", t.modifiers(), t.arrayDimensions()),
                "modifiers", t -> new DataType(t.schema(), t.name(), List.of("10"), t.arrayDimensions()),
                "arrayDimensions", t -> new DataType(t.schema(), t.name(), t.modifiers(), 2));
        assertEveryComponentCounts(DataType.class, base, changes);
        assertNotEquals(base, new DataType(null, base.name(), base.modifiers(), base.arrayDimensions()));
        assertNotEquals(new DataType(null, "text", List.of(), 0), new DataType("pg_catalog", "text", List.of(), 0));
    }

    private static <T extends Record> void assertEveryComponentCounts(Class<T> type, T base, Map<String, UnaryOperator<T>> changes) {
        List<String> components = java.util.Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
        assertEquals(java.util.Set.copyOf(components), changes.keySet(),
                type.getSimpleName() + " has components without a case here (or cases for components it lost)");
        for (String component : components) {
            T changed = changes.get(component).apply(base);
            assertNotEquals(base, changed, component + " does not take part in " + type.getSimpleName() + ".equals");
            assertNotEquals(changed, base, component + " does not take part in " + type.getSimpleName() + ".equals");
        }
        T equalCopy = rebuilt(base);
        assertEquals(base, equalCopy);
        assertEquals(base.hashCode(), equalCopy.hashCode());
    }

    /** An equal but distinct instance, through the canonical constructor. */
    @SuppressWarnings("unchecked")
    private static <T extends Record> T rebuilt(T value) {
        try {
            var components = value.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(value);
                if (values[i] instanceof String text) {
                    values[i] = new String(text); // equal, not identical
                }
                types[i] = components[i].getType();
            }
            return (T) value.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
