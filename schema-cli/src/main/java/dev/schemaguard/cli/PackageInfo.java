package dev.schemaguard.cli;

/** Placeholder so the module builds until the CLI lands. */
final class PackageInfo {
    private PackageInfo() {
    }
}
