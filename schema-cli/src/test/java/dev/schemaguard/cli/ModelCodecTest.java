package dev.schemaguard.cli;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Dependency;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.Schema;
import dev.schemaguard.testkit.Databases;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encoding and decoding a model gives an equal model, and equal models give equal bytes (a cache key). */
class ModelCodecTest {

    @Test
    void generatedModelsWithDependenciesComeBackEqual() throws IOException {
        List<Database> models = Databases.arbitrary().sampleStream().limit(300).toList();
        for (Database model : models) {
            Database withDependencies = model.withDependencies(dependenciesOf(model));
            byte[] bytes = encode(withDependencies);
            Database back = ModelCodec.decode(new ByteArrayInputStream(bytes));
            assertEquals(withDependencies, back);
            assertArrayEquals(bytes, encode(back), "equal models, equal bytes");
        }
    }

    @Test
    void aModelOfAnotherClassIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(10); // a record
        out.writeInt(0); // the first class, by name
        byte[] name = "java.lang.ProcessBuilder".getBytes(StandardCharsets.UTF_8);
        out.writeInt(name.length);
        out.write(name);
        ModelCodec.CodecException refused = assertThrows(ModelCodec.CodecException.class,
                () -> ModelCodec.decode(new ByteArrayInputStream(bytes.toByteArray())));
        assertTrue(refused.getMessage().contains("not a model class"), refused.getMessage());
    }

    @Test
    void truncatedBytesAreAnErrorNotAModel() throws IOException {
        Database model = Databases.arbitrary().sampleStream().filter(d -> !d.schemas().isEmpty()).findFirst().orElseThrow();
        byte[] bytes = encode(model);
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        assertThrows(IOException.class, () -> ModelCodec.decode(new ByteArrayInputStream(truncated)));
    }

    private static byte[] encode(Database database) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelCodec.encode(database, bytes);
        return bytes.toByteArray();
    }

    /** Dependencies like those introspection finds: every table of a schema on the schema, and a column on a table. */
    private static List<Dependency> dependenciesOf(Database model) {
        List<Dependency> dependencies = new ArrayList<>();
        for (Schema schema : model.schemas()) {
            schema.tables().forEach(table -> dependencies.add(new Dependency(
                    new ObjectRef(ObjectRef.Kind.COLUMN, schema.name(), table.name(), "id"),
                    ObjectRef.of(ObjectRef.Kind.TABLE, schema.name(), table.name()))));
        }
        return dependencies;
    }
}
