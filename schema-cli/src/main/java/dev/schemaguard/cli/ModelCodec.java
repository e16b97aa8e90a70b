package dev.schemaguard.cli;

import dev.schemaguard.model.Database;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model ({@link Database} and everything in it) as bytes and back, field by field: every component of every record,
 * so nothing the model holds is left out (dependencies included, which the YAML format does not carry), and decoding
 * gives a model {@code equals} to the one encoded. Maps and sets are written in sorted order, so that equal models
 * give equal bytes (a cache key). Only records and enums of {@code dev.schemaguard.model} are decoded: the bytes
 * choose no other class.
 */
final class ModelCodec {

    private static final String MODEL_PACKAGE = "dev.schemaguard.model.";
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int TRUE = 2;
    private static final int FALSE = 3;
    private static final int INT = 4;
    private static final int LONG = 5;
    private static final int ENUM = 6;
    private static final int LIST = 7;
    private static final int MAP = 8;
    private static final int SET = 9;
    private static final int RECORD = 10;

    /** A value of a type the codec does not know, or bytes that are not a model. */
    static final class CodecException extends IOException {
        CodecException(String message) {
            super(message);
        }
    }

    /** Each record class's accessors in component order (looking them up anew for every record is slow). */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            return java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor).toArray(Method[]::new);
        }
    };

    private ModelCodec() {
    }

    static void encode(Database database, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        new Writer(data).write(database);
        data.flush();
    }

    static Database decode(InputStream in) throws IOException {
        Object value = new Reader(new DataInputStream(in)).read();
        if (!(value instanceof Database database)) {
            throw new CodecException("not a database model");
        }
        return database;
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<Class<?>, Integer> classes = new HashMap<>();
        private final Map<String, Integer> strings = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(Object value) throws IOException {
            if (value == null) {
                out.writeByte(NULL);
            } else if (value instanceof String string) {
                out.writeByte(STRING);
                writeString(string);
            } else if (value instanceof Boolean bool) {
                out.writeByte(bool ? TRUE : FALSE);
            } else if (value instanceof Integer number) {
                out.writeByte(INT);
                out.writeInt(number);
            } else if (value instanceof Long number) {
                out.writeByte(LONG);
                out.writeLong(number);
            } else if (value instanceof Enum<?> constant) {
                out.writeByte(ENUM);
                writeClass(constant.getDeclaringClass());
                writeString(constant.name());
            } else if (value instanceof List<?> list) {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object element : list) {
                    write(element);
                }
            } else if (value instanceof Map<?, ?> map) {
                out.writeByte(MAP);
                out.writeInt(map.size());
                for (Map.Entry<?, ?> entry : sorted(map.entrySet(), Map.Entry::getKey)) {
                    write(entry.getKey());
                    write(entry.getValue());
                }
            } else if (value instanceof Set<?> set) {
                out.writeByte(SET);
                out.writeInt(set.size());
                for (Object element : sorted(set, e -> e)) {
                    write(element);
                }
            } else if (value instanceof Record record) {
                out.writeByte(RECORD);
                writeClass(record.getClass());
                for (Method accessor : ACCESSORS.get(record.getClass())) {
                    write(get(accessor, record));
                }
            } else {
                throw new CodecException("cannot encode a " + value.getClass().getName());
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static <E> List<E> sorted(java.util.Collection<E> elements, java.util.function.Function<E, Object> key)
                throws CodecException {
            for (E element : elements) {
                if (!(key.apply(element) instanceof Comparable)) {
                    throw new CodecException("cannot order a " + key.apply(element).getClass().getName());
                }
            }
            List<E> list = new ArrayList<>(elements);
            list.sort(Comparator.comparing(e -> (Comparable) key.apply(e)));
            return list;
        }

        /** A class by number; its name follows the first time. */
        private void writeClass(Class<?> type) throws IOException {
            Integer known = classes.get(type);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            out.writeInt(classes.size());
            classes.put(type, classes.size());
            writeString(type.getName());
        }

        /** A string by number when it was written before (names and types repeat a lot), else its bytes. */
        private void writeString(String string) throws IOException {
            Integer known = strings.putIfAbsent(string, strings.size());
            if (known != null) {
                out.writeInt(-1 - known);
                return;
            }
            byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        private static Object get(Method accessor, Record record) throws CodecException {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new CodecException("cannot read " + accessor + ": " + e);
            }
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final List<Class<?>> classes = new ArrayList<>();
        private final List<String> strings = new ArrayList<>();
        private final Map<Class<?>, Constructor<?>> constructors = new HashMap<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        Object read() throws IOException {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case NULL:
                    return null;
                case STRING:
                    return readString();
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case INT:
                    return in.readInt();
                case LONG:
                    return in.readLong();
                case ENUM:
                    return readEnum();
                case LIST: {
                    int size = readSize();
                    List<Object> list = new ArrayList<>(Math.min(size, 1024));
                    for (int i = 0; i < size; i++) {
                        list.add(read());
                    }
                    return list;
                }
                case MAP: {
                    int size = readSize();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < size; i++) {
                        map.put(read(), read());
                    }
                    return map;
                }
                case SET: {
                    int size = readSize();
                    Set<Object> set = new LinkedHashSet<>();
                    for (int i = 0; i < size; i++) {
                        set.add(read());
                    }
                    return set;
                }
                case RECORD:
                    return readRecord();
                default:
                    throw new CodecException("unknown tag " + tag);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object readEnum() throws IOException {
            Class<?> type = readClass();
            if (!type.isEnum()) {
                throw new CodecException(type.getName() + " is not an enum");
            }
            String name = readString();
            try {
                return Enum.valueOf((Class) type, name);
            } catch (IllegalArgumentException e) {
                throw new CodecException("no constant " + name + " in " + type.getName());
            }
        }

        private Object readRecord() throws IOException {
            Class<?> type = readClass();
            if (!type.isRecord()) {
                throw new CodecException(type.getName() + " is not a record");
            }
            Constructor<?> constructor = constructors.computeIfAbsent(type, ModelCodec::canonicalConstructor);
            Object[] arguments = new Object[constructor.getParameterCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = read();
            }
            try {
                return constructor.newInstance(arguments);
            } catch (InvocationTargetException e) {
                throw new CodecException("cannot make a " + type.getSimpleName() + ": " + e.getCause());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new CodecException("cannot make a " + type.getSimpleName() + ": " + e);
            }
        }

        private Class<?> readClass() throws IOException {
            int number = in.readInt();
            if (number >= 0 && number < classes.size()) {
                return classes.get(number);
            }
            if (number != classes.size()) {
                throw new CodecException("unknown class number " + number);
            }
            String name = readString();
            if (!name.startsWith(MODEL_PACKAGE)) {
                throw new CodecException("not a model class: " + name);
            }
            try {
                Class<?> type = Class.forName(name, false, ModelCodec.class.getClassLoader());
                classes.add(type);
                return type;
            } catch (ClassNotFoundException e) {
                throw new CodecException("no model class " + name);
            }
        }

        private String readString() throws IOException {
            int size = in.readInt();
            if (size < 0) {
                int number = -1 - size;
                if (number >= strings.size()) {
                    throw new CodecException("unknown string number " + number);
                }
                return strings.get(number);
            }
            if (size > 1 << 26) {
                throw new CodecException("implausible size " + size);
            }
            byte[] bytes = new byte[size];
            in.readFully(bytes);
            String string = new String(bytes, StandardCharsets.UTF_8);
            strings.add(string);
            return string;
        }

        private int readSize() throws IOException {
            int size = in.readInt();
            if (size < 0 || size > 1 << 26) {
                throw new CodecException("implausible size " + size);
            }
            return size;
        }
    }

    private static Constructor<?> canonicalConstructor(Class<?> type) {
        Class<?>[] parameters = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return type.getDeclaredConstructor(parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
        }
    }
}
