package dev.schemaguard.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: stack traces on errors. Read by {@link Main} straight from the arguments. */
final class VerboseOption {

    @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an error.")
    boolean verbose;
}
