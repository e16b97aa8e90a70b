package dev.schemaguard.jpa;

import jakarta.persistence.AttributeConverter;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What an {@link AttributeConverter} class tells about its column: the database-side Java type. */
final class Converters {

    private Converters() {
    }

    /** {@code Y} of {@code AttributeConverter<X, Y>}, resolved through generic superclasses and interfaces. */
    static Class<?> databaseType(Class<?> converter, String where) {
        return typeArgument(converter, 1, where);
    }

    /** {@code X} of {@code AttributeConverter<X, Y>}. */
    static Class<?> attributeType(Class<?> converter, String where) {
        return typeArgument(converter, 0, where);
    }

    private static Class<?> typeArgument(Class<?> converter, int index, String where) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        Type found = search(converter, bindings, index);
        while (found instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
            found = bindings.get(variable);
        }
        if (found instanceof Class<?> type) {
            return type;
        }
        if (found instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        throw new UnmappableAttributeException(where + " uses converter " + converter.getName()
                + ", whose AttributeConverter type arguments cannot be read from its declaration");
    }

    private static Type search(Type type, Map<TypeVariable<?>, Type> bindings, int index) {
        Class<?> raw;
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], arguments[i]);
            }
            if (raw == AttributeConverter.class) {
                return arguments[index];
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        for (Type parent : List.of(raw.getGenericInterfaces())) {
            Type found = search(parent, bindings, index);
            if (found != null) {
                return found;
            }
        }
        return raw.getGenericSuperclass() == null ? null : search(raw.getGenericSuperclass(), bindings, index);
    }

    /**
     * The database values of {@code false} and {@code true} for a converter of {@code Boolean}: Hibernate 6.6 checks
     * that the column holds only these. The converter is instantiated (JPA requires a public no-argument
     * constructor); null when it cannot be, or when it maps a boolean to null.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object[] booleanValues(Class<?> converter) {
        try {
            Constructor<?> constructor = converter.getDeclaredConstructor();
            constructor.setAccessible(true);
            AttributeConverter instance = (AttributeConverter) constructor.newInstance();
            Object falseValue = instance.convertToDatabaseColumn(Boolean.FALSE);
            Object trueValue = instance.convertToDatabaseColumn(Boolean.TRUE);
            return falseValue == null || trueValue == null ? null : new Object[] {falseValue, trueValue};
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
