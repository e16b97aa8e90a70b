package dev.schemaguard.cli;

import dev.schemaguard.sql.IntrospectionOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Options shared by every command that reads schemas: which schemas, and where .sql sources may run. */
final class SchemaOptions {

    @Option(names = "--schema", paramLabel = "NAME",
            description = "Only this schema (repeatable). Default: the schemas the declared side names, or every"
                    + " non-system schema when only databases are involved.")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "NAME", description = "Leave this schema out (repeatable).")
    List<String> excludedSchemas = new ArrayList<>();

    @Option(names = "--dev-db", paramLabel = "URL",
            description = "A PostgreSQL server where schemaguard may create and drop temporary databases (to run"
                    + " .sql sources and to canonicalize expected schemas). Default: $SCHEMAGUARD_DEV_DB, else an"
                    + " embedded PostgreSQL of the target's major version, started when needed.")
    String devDb;

    @Option(names = "--no-canonicalize",
            description = "Compare a YAML schema's expressions as written (with the built-in text normalization)"
                    + " instead of in PostgreSQL's spelling, read back from a temporary database.")
    boolean noCanonicalize;

    @Option(names = "--no-canonical-cache",
            description = "Build a YAML schema in a temporary database even when the same schema was put into"
                    + " PostgreSQL's spelling before for the same server, and keep no copy. Default: canonical forms are"
                    + " kept in $XDG_CACHE_HOME/schemaguard/canonical (else ~/.cache/schemaguard/canonical) and reused.")
    boolean noCanonicalCache;

    @Option(names = "--privileges",
            description = "Also compare privileges: GRANT and REVOKE on schemas, tables (and their columns), views,"
                    + " sequences, types and routines, as far as they differ from PostgreSQL's defaults. Databases are"
                    + " read with their grants, a YAML schema's 'grants' count, and plans and baselines grant and"
                    + " revoke. Default: privileges are ignored.")
    boolean privileges;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "1",
            description = "Read each database on N connections at once, which share one snapshot (as pg_dump -j"
                    + " does); worth it for large schemas on a server with idle cores. Default: 1.")
    int connections = 1;

    @Mixin
    ScopeOptions scopeOptions;

    /** The command these options are mixed into, to find out whether it runs with --verbose. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Which schemas to read and compare, and whether privileges count (the library decides the rest). */
    IntrospectionOptions selection() {
        return new IntrospectionOptions(Set.copyOf(schemas), Set.copyOf(excludedSchemas), privileges);
    }

    /** The loaders made for this command, to place an error about what they read (a declared rename). */
    private final java.util.List<SchemaLoader> loaders = new java.util.ArrayList<>();

    /** Where a YAML source of this command declares the rename {@code e} is about. */
    java.util.Optional<dev.schemaguard.yaml.Position> locate(dev.schemaguard.diff.DeclaredRenameException e) {
        return loaders.stream().map(loader -> loader.locate(e)).flatMap(java.util.Optional::stream).findFirst();
    }

    /** A loader that prints its warnings on the terminal's stderr; close it. */
    SchemaLoader loader(Terminal terminal) {
        String url = devDb != null ? devDb : System.getenv("SCHEMAGUARD_DEV_DB");
        java.util.function.Consumer<String> warnings = warning -> terminal.err().println("schemaguard: warning: " + oneLine(warning));
        java.util.function.Consumer<String> notes = verbose() ? note -> terminal.err().println("schemaguard: " + oneLine(note)) : note -> { };
        SchemaLoader loader = new SchemaLoader(selection(), url == null || url.isBlank() ? null : DatabaseUrl.parse(url.trim()),
                !noCanonicalize, warnings)
                .withConnections(connections)
                .withScope(scopeOptions.scope(), notes)
                .withCanonicalCache(noCanonicalCache ? null : CanonicalCache.atDefaultPlace(warnings, notes));
        loaders.add(loader);
        return loader;
    }

    private boolean verbose() {
        var option = command == null ? null : command.findOption("--verbose");
        return option != null && Boolean.TRUE.equals(option.getValue());
    }

    private static String oneLine(String text) {
        return PasswordMask.mask(text).replaceAll("\\s*\\n\\s*", " ");
    }
}
