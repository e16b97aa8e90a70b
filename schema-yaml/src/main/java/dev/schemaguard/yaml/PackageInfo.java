package dev.schemaguard.yaml;

/** Placeholder so the module builds until the YAML reader lands. */
final class PackageInfo {
    private PackageInfo() {
    }
}
