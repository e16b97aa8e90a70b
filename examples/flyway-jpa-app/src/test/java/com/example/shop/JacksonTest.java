package com.example.shop;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One Jackson version on the class path next to Flyway 11 and Hibernate 6.6 (the jackson-bom line in pom.xml). */
class JacksonTest {

    @Test
    void oneJacksonVersion() {
        Set<String> versions = new TreeSet<>();
        for (String module : new String[] {"com.fasterxml.jackson.core.json.PackageVersion",
                "com.fasterxml.jackson.databind.cfg.PackageVersion",
                "com.fasterxml.jackson.dataformat.yaml.PackageVersion"}) {
            versions.add(version(module));
        }
        versions.add(com.fasterxml.jackson.annotation.JsonProperty.class.getPackage().getImplementationVersion()
                .replaceAll("^(\\d+\\.\\d+).*", "$1"));
        assertEquals(1, versions.size(), () -> "Jackson versions on the class path: " + versions);
    }

    /** major.minor: jackson-annotations is versioned that way since 2.20. */
    private static String version(String packageVersion) {
        try {
            Object version = Class.forName(packageVersion).getField("VERSION").get(null);
            return version.toString().replaceAll("^(\\d+\\.\\d+).*", "$1");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no " + packageVersion + " on the class path", e);
        }
    }
}
