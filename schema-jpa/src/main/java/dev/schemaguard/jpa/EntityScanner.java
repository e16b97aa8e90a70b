package dev.schemaguard.jpa;

import jakarta.persistence.Entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the {@code @Entity} classes of a package (and its sub-packages) on a class loader, in class directories
 * and in jars. Classes are loaded without being initialised.
 */
public final class EntityScanner {

    private EntityScanner() {
    }

    public static List<Class<?>> scan(ClassLoader loader, String packageName) {
        String folder = packageName.replace('.', '/');
        TreeSet<String> classNames = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            for (URL root : Collections.list(roots)) {
                switch (root.getProtocol()) {
                    case "file" -> classesInDirectory(Path.of(root.toURI()), packageName, classNames);
                    case "jar" -> classesInJar(root, folder, classNames);
                    default -> throw new IllegalArgumentException("cannot scan " + root
                            + " for entities of package " + packageName + "; list the entity classes instead");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("scanning package " + packageName + " for entities failed", e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("scanning package " + packageName + " for entities failed", e);
        }
        List<Class<?>> entities = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type = load(loader, name);
            if (type.isAnnotationPresent(Entity.class)) {
                entities.add(type);
            }
        }
        return entities;
    }

    private static void classesInDirectory(Path directory, String packageName, TreeSet<String> classNames)
            throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(file -> {
                String relative = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                classNames.add(packageName + "." + relative.substring(0, relative.length() - ".class".length()));
            });
        }
    }

    private static void classesInJar(URL root, String folder, TreeSet<String> classNames) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(folder + "/") && name.endsWith(".class")) {
                    classNames.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("class " + name + " was found on the class path but cannot be loaded: " + e, e);
        }
    }
}
