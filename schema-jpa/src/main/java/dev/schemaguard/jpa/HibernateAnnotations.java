package dev.schemaguard.jpa;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hibernate's own annotations ({@code org.hibernate.annotations.*}) read by name, so that the reader needs no
 * Hibernate on its class path: an application that uses them has Hibernate on its own.
 */
final class HibernateAnnotations {

    private static final String PACKAGE = "org.hibernate.annotations.";

    private HibernateAnnotations() {
    }

    static Optional<Annotation> find(AnnotatedElement element, String simpleName) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getName().equals(PACKAGE + simpleName)) {
                return Optional.of(annotation);
            }
        }
        return Optional.empty();
    }

    /** A repeatable annotation, given directly or in its container ({@code @Check} in {@code @Checks}). */
    static List<Annotation> findAll(AnnotatedElement element, String simpleName, String containerName) {
        List<Annotation> all = new ArrayList<>();
        find(element, simpleName).ifPresent(all::add);
        find(element, containerName).ifPresent(container -> {
            for (Object annotation : (Object[]) attribute(container, "value")) {
                all.add((Annotation) annotation);
            }
        });
        return all;
    }

    static Object attribute(Annotation annotation, String name) {
        try {
            return annotation.annotationType().getMethod(name).invoke(annotation);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + name + " of " + annotation, e);
        }
    }

    /** The name of an enum constant an attribute holds, e.g. {@code NORMALIZE} of {@code @TimeZoneStorage}. */
    static String enumAttribute(Annotation annotation, String name) {
        return ((Enum<?>) attribute(annotation, name)).name();
    }
}
