package dev.schemaguard.cli;

import picocli.CommandLine.Option;

/** {@code --expected SOURCE}: the schema a command compares with, plans from or prints. */
final class ExpectedOption {

    @Option(names = "--expected", required = true, paramLabel = "SOURCE",
            description = "The expected schema: a YAML file or directory, a .sql file, or a database URL.")
    String expected;

    Source source() {
        return Source.parse(expected, "--expected");
    }
}
