package dev.schemaguard.cli;

import dev.schemaguard.model.ComparisonScope;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.sql.CanonicalSchema;
import dev.schemaguard.sql.CanonicalizationException;
import dev.schemaguard.yaml.DeclaredSchema;
import dev.schemaguard.yaml.DeclaredSchemaNames;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.sql.ThrowawayDatabase;
import dev.schemaguard.sql.SqlScript;
import dev.schemaguard.yaml.YamlSchemaException;
import dev.schemaguard.yaml.Utf8Files;
import dev.schemaguard.yaml.YamlSchemaReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns {@link Source}s into models: reads YAML, runs .sql scripts in a throwaway database, introspects. For a
 * comparison, declared YAML schemas are put into PostgreSQL's spelling through a throwaway database
 * ({@link CanonicalSchema}) unless canonicalization is switched off. Close it to drop the throwaway databases
 * and stop an embedded server it started.
 */
final class SchemaLoader implements AutoCloseable {

    private static final Set<String> ROLE_KEYWORDS = Set.of("public", "current_user", "current_role", "session_user");

    private final IntrospectionOptions selection;
    private final ThrowawayServer throwawayServer;
    private final boolean canonicalize;
    private final Consumer<String> warnings;
    /** Where the objects of each YAML source were declared, to place errors the database reports. */
    private final java.util.Map<Source, DeclaredSchema> placesOfObjects = new java.util.HashMap<>();
    private int connections = 1;
    /** Canonical forms made before; null: always build. */
    private CanonicalCache canonicalCache;
    /** What the command line leaves out; the YAML sources read add theirs ({@link #scope()}). */
    private ComparisonScope commandLineScope = ComparisonScope.DEFAULT;
    private ComparisonScope declaredScope = ComparisonScope.DEFAULT;
    private Consumer<String> notes = note -> { };
    /** The major version of each database read, by URL: the plan is made for the server it runs on. */
    private final java.util.Map<DatabaseUrl, Integer> serverVersions = new java.util.HashMap<>();

    SchemaLoader(IntrospectionOptions selection, DatabaseUrl devDb, boolean canonicalize, Consumer<String> warnings) {
        this.selection = selection;
        this.throwawayServer = new ThrowawayServer(devDb, warnings);
        this.canonicalize = canonicalize;
        this.warnings = warnings;
    }

    /** Databases are read on this many connections at once, sharing one snapshot ({@code --connections}). */
    SchemaLoader withConnections(int count) {
        if (count < 1) {
            throw CliFailure.error("--connections must be at least 1, was " + count);
        }
        this.connections = count;
        return this;
    }

    /** Reuse canonical forms from {@code cache} (null: none) instead of building the same schema again. */
    SchemaLoader withCanonicalCache(CanonicalCache cache) {
        this.canonicalCache = cache;
        return this;
    }

    /** Ignore rules, history tables and the unexpected objects policy of the command line; {@code notes} is for --verbose. */
    SchemaLoader withScope(ComparisonScope scope, Consumer<String> verboseNotes) {
        this.commandLineScope = scope;
        this.notes = verboseNotes;
        return this;
    }

    /** What a comparison leaves out: the YAML sources' {@code ignore:} and the rest, with the command line's on top. */
    ComparisonScope scope() {
        return declaredScope.and(commandLineScope);
    }

    /**
     * {@code expected} and {@code actual} as the comparison sees them ({@link ComparisonScope#apply}): warnings
     * (rules that match nothing, unexpected objects to warn about) printed, notes (history tables left out) with
     * --verbose.
     */
    Pair scoped(Database expected, Database actual) {
        ComparisonScope.Scoped scoped = scope().apply(expected, actual);
        scoped.warnings().forEach(warnings);
        scoped.notes().forEach(notes);
        return new Pair(scoped.expected(), scoped.actual());
    }

    /** One model (a snapshot, a baseline) without what the scope leaves out. */
    Database visible(Database database) {
        ComparisonScope.Scoped scoped = scope().visible(database);
        scoped.warnings().forEach(warnings);
        scoped.notes().forEach(notes);
        return scoped.expected();
    }

    /** Both sides of a comparison, loaded so that a database side is read only for the schemas that matter. */
    record Pair(Database first, Database second) {
    }

    Pair loadPair(Source first, Source second) {
        for (Source source : new Source[] {first, second}) {
            if (source instanceof Source.DatabaseSource database) {
                throwawayServer.matchVersionOf(database.url());
            }
        }
        EarlyRead firstRead = startEarly(first, second);
        EarlyRead secondRead = startEarly(second, first);
        Database firstDeclared = declared(first);
        Database secondDeclared = declared(second);
        List<Database> declaredSides = Stream.of(firstDeclared, secondDeclared).filter(Objects::nonNull).toList();
        Database a = firstDeclared != null ? firstDeclared : introspect(((Source.DatabaseSource) first).url(), declaredSides, firstRead);
        Database b = secondDeclared != null ? secondDeclared : introspect(((Source.DatabaseSource) second).url(), declaredSides, secondRead);
        if (firstDeclared != null) {
            a = comparable(first, firstDeclared, secondDeclared == null ? b : null);
        }
        if (secondDeclared != null) {
            b = comparable(second, secondDeclared, firstDeclared == null ? a : null);
        }
        return scoped(a, b);
    }

    /**
     * A database side read on a thread of its own while the other side is loaded: reading a database needs the
     * names of the schemas the declared side holds, which YAML states plainly enough to be guessed from its lines
     * ({@link DeclaredSchemaNames#guess}) before it is parsed; against another database it needs none.
     */
    private record EarlyRead(IntrospectionOptions options, FutureTask<Database> read) {
    }

    /** Starts reading {@code database} for a comparison with {@code other}, when what to read is known already; else null. */
    private EarlyRead startEarly(Source database, Source other) {
        if (!(database instanceof Source.DatabaseSource db)) {
            return null;
        }
        Optional<IntrospectionOptions> options;
        if (other instanceof Source.DatabaseSource) {
            options = selection.forComparisonWith(List.of());
        } else if (other instanceof Source.YamlSource yaml) {
            options = DeclaredSchemaNames.guess(yaml.path()).flatMap(selection::forComparisonWithSchemas);
        } else {
            return null; // a .sql script: its schemas are known only once it ran
        }
        if (options.isEmpty()) {
            return null;
        }
        FutureTask<Database> read = new FutureTask<>(() -> read(db.url(), options.get()));
        Thread thread = new Thread(read, "schemaguard-read");
        thread.setDaemon(true); // an error on the other side ends the run without waiting for it
        thread.start();
        return new EarlyRead(options.get(), read);
    }

    /**
     * Reads a live schema (in the introspector's own read-only transaction), for a comparison with
     * {@code declaredSides} (none: with another database, or none at all), as far as the selection says: the read
     * {@code early} started, when it was for those schemas.
     */
    private Database introspect(DatabaseUrl url, List<Database> declaredSides, EarlyRead early) {
        IntrospectionOptions options = selection.forComparisonWith(declaredSides).orElse(null);
        if (early != null) {
            if (early.options().equals(options)) {
                return result(early.read());
            }
            notes.accept("the schemas to read of " + url.display() + " differ from what the YAML's lines suggested;"
                    + " reading it again");
        }
        if (options == null) {
            Connections.closeQuietly(recordingVersion(url, Connections.open(url))); // reachable, and of which version
            return Database.EMPTY;
        }
        return read(url, options);
    }

    /** What {@code read} gave, waiting for it; its failure as thrown on its thread. */
    private static Database result(FutureTask<Database> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.error("interrupted while reading the database", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The expected side of a comparison with {@code target}: as {@link #load}, and a YAML schema in PostgreSQL's
     * spelling (unless switched off).
     */
    Database expected(Source source, DatabaseUrl target) {
        throwawayServer.matchVersionOf(target);
        Database declared = declared(source);
        return declared != null ? comparable(source, declared, null)
                : introspect(((Source.DatabaseSource) source).url(), List.of());
    }

    /**
     * A declared schema (YAML or .sql), restricted to the selected schemas; null for a database source. A source
     * that declares nothing, or of which the selection leaves nothing, is an error: there is nothing to compare.
     */
    Database declared(Source source) {
        Database read;
        if (source instanceof Source.YamlSource yaml) {
            DeclaredSchema declared = readYaml(yaml.path());
            placesOfObjects.put(source, declared);
            declaredScope = declaredScope.and(declared.scope());
            read = declared.database();
        } else if (source instanceof Source.SqlSource sql) {
            read = NothingToCompare.isEmptyScript(sql.path()) ? Database.EMPTY : runScript(sql.path());
        } else {
            return null;
        }
        Database selected = selection.select(read);
        if (selected.schemas().isEmpty()) {
            throw NothingToCompare.failure(source, read);
        }
        return selected;
    }

    /** Where the {@code renamed_from} that {@code e} is about was written, in a YAML source this loader has read. */
    Optional<dev.schemaguard.yaml.Position> locate(dev.schemaguard.diff.DeclaredRenameException e) {
        return placesOfObjects.values().stream().map(places -> places.locateRenamedFrom(e.oldName(), e.names())).flatMap(Optional::stream).findFirst();
    }

    /** Where the objects of {@code source} were declared, when it is a YAML source this loader has read. */
    Optional<DeclaredSchema> placesOf(Source source) {
        return Optional.ofNullable(placesOfObjects.get(source));
    }

    /**
     * Any source as a model, as written, without what the scope leaves out; a database is read for all its
     * selected non-system schemas.
     */
    Database load(Source source) {
        Database declared = declared(source);
        return visible(declared != null ? declared : introspect(((Source.DatabaseSource) source).url(), List.of()));
    }

    /**
     * The declared schema of {@code source} ready for comparison with {@code live} (a database's model, or null):
     * .sql sources are PostgreSQL's spelling already (introspected), and so is a YAML schema equal to
     * {@code live} ({@link CanonicalSchema#equalsLiveSpelling}: a snapshot of that database), which then needs no
     * throwaway build (said with --verbose); any other YAML schema is canonicalized.
     */
    private Database comparable(Source source, Database declared, Database live) {
        if (!canonicalize || !(source instanceof Source.YamlSource)) {
            return declared;
        }
        if (live != null && CanonicalSchema.equalsLiveSpelling(declared, live)) {
            notes.accept(source.display() + " equals the live schema, in PostgreSQL's spelling already: not built in a"
                    + " throwaway database");
            return CanonicalSchema.sharingLiveObjects(declared, live);
        }
        CanonicalCache.Key key = canonicalCache == null ? null
                : canonicalCache.key(declared, throwawayServer::identity).orElse(null);
        if (key != null) {
            Optional<Database> cached = canonicalCache.get(key);
            notes.accept(source.display() + ": canonical form " + (cached.isPresent() ? "read from the cache" : "not in the cache")
                    + " (" + key.fileName() + ", " + key.server().lines().findFirst().orElse("") + ")");
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        ThrowawayDatabase database;
        try {
            database = throwawayServer.shared(policyRoles(declared));
        } catch (CliFailure e) {
            if (e.exitCode() == ExitCode.CANNOT_CONNECT) {
                throw e; // the target (whose version an embedded server would match) or --dev-db is unreachable
            }
            warnings.accept("cannot put " + source.display() + " into PostgreSQL's spelling: " + e.getMessage()
                    + "; comparing expressions by text normalization only");
            return declared;
        }
        try {
            Database canonical = CanonicalSchema.canonicalize(declared, database);
            if (key != null) {
                canonicalCache.put(key, canonical);
            }
            return canonical;
        } catch (CanonicalizationException e) {
            if (e.blamesSchema() && !leavesOutSchemas(source, declared)) {
                throw invalidSchema(source, e);
            }
            warnings.accept(source.display() + ": " + e.getMessage() + "; comparing expressions by text normalization only");
            return declared;
        }
    }

    /**
     * Whether the schema selection left out schemas {@code source} declares: then a failure to create the rest may
     * be a reference to what was left out, not an error of the schema.
     */
    private boolean leavesOutSchemas(Source source, Database selected) {
        DeclaredSchema read = placesOfObjects.get(source);
        return read != null && read.database().schemas().size() > selected.schemas().size();
    }

    /**
     * The expected schema cannot be created even in an empty database: it is invalid (an unknown type, a foreign
     * key to a table it does not declare, a broken check or view). Placed at the object the failed statement is
     * about (at its column, when the server points into one), when the YAML declares it.
     */
    private CliFailure invalidSchema(Source source, CanonicalizationException e) {
        DeclaredSchema places = placesOfObjects.get(source);
        String statement = e.statement() == null ? null : e.statement().description() + " " + e.statement().sql();
        String where = places == null ? source.display()
                : places.locate(statement, e.part()).map(Object::toString).orElse(source.display());
        return CliFailure.error(where + ": the expected schema is invalid: " + Main.oneLine(e.getMessage())
                .replace("the expected schema cannot be created in a throwaway database", "it cannot be created even in an"
                        + " empty database") + "; fix the schema (nothing was compared or changed)", e);
    }

    /** The roles the policies of {@code database} name (canonicalization creates the policies). */
    private static Set<String> policyRoles(Database database) {
        Set<String> roles = new LinkedHashSet<>();
        for (Schema schema : database.schemas()) {
            for (Table table : schema.tables()) {
                for (Policy policy : table.policies()) {
                    policy.roles().stream().filter(role -> !ROLE_KEYWORDS.contains(role)).forEach(roles::add);
                }
            }
        }
        return roles;
    }

    @Override
    public void close() {
        try {
            throwawayServer.close();
        } catch (RuntimeException e) {
            warnings.accept("could not clean up the throwaway database or server: " + e.getMessage());
        }
    }

    /**
     * Reads a live schema (in the introspector's own read-only transaction), for a comparison with
     * {@code declaredSides} (none: with another database, or none at all), as far as the selection says.
     */
    Database introspect(DatabaseUrl url, List<Database> declaredSides) {
        return introspect(url, declaredSides, null);
    }

    /** Reads what {@code options} select of the database at {@code url}. */
    private Database read(DatabaseUrl url, IntrospectionOptions options) {
        if (connections > 1) {
            try {
                return new PostgresIntrospector(options).introspect(() -> recordingVersion(url, Connections.open(url)),
                        connections);
            } catch (SQLException e) {
                throw Errors.database("reading the schema of " + url.display(), e);
            }
        }
        Connection connection = recordingVersion(url, Connections.open(url));
        try {
            return new PostgresIntrospector(options).introspect(connection);
        } catch (SQLException e) {
            throw Errors.database("reading the schema of " + url.display(), e);
        } finally {
            Connections.closeQuietly(connection);
        }
    }

    /** {@code connection}, its server's major version noted for {@link #serverVersion}. */
    private Connection recordingVersion(DatabaseUrl url, Connection connection) {
        try {
            int major = connection.getMetaData().getDatabaseMajorVersion();
            synchronized (serverVersions) {
                serverVersions.put(url, major);
            }
            throwawayServer.knowVersionOf(url, major);
        } catch (SQLException e) {
            Connections.closeQuietly(connection);
            throw Errors.database("reading the server version of " + url.display(), e);
        }
        return connection;
    }

    /**
     * The major version of the server {@code source} was read from, when it is a database this loader has read;
     * 0 otherwise (the planner then follows the newest supported version).
     */
    int serverVersion(Source source) {
        if (source instanceof Source.DatabaseSource database) {
            synchronized (serverVersions) {
                return serverVersions.getOrDefault(database.url(), 0);
            }
        }
        return 0;
    }

    private static DeclaredSchema readYaml(Path path) {
        try {
            return YamlSchemaReader.readDeclared(path);
        } catch (YamlSchemaException e) {
            throw CliFailure.error(e.getMessage(), e);
        } catch (IOException e) {
            throw CliFailure.error(cannotRead(path, e), e);
        } catch (UncheckedIOException e) {
            throw CliFailure.error(cannotRead(path, e.getCause()), e);
        }
    }

    /** Why a file cannot be read, in words: the exception's name only when its message says nothing else. */
    private static String cannotRead(Path path, IOException e) {
        String message = e.getMessage();
        if (message != null && message.startsWith(path.toString() + ": ")) {
            return message;
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "cannot read " + path + ": permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "cannot read " + path + ": no such file";
        }
        return "cannot read " + path + ": " + (message == null || message.equals(path.toString()) ? e.getClass().getSimpleName() : message);
    }

    /**
     * Runs a .sql script in a database created for the purpose (on the --dev-db server, else on an embedded
     * one) as an unprivileged role ({@link Sandbox}), reads the schema it produced and drops the database and the
     * roles made for it again.
     */
    private Database runScript(Path file) {
        byte[] bytes;
        try {
            bytes = Utf8Files.readBytes(file);
        } catch (IOException e) {
            throw CliFailure.error("cannot read " + file + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = SqlScript.text(bytes);
        } catch (SqlScript.UnreadableScriptException e) {
            throw CliFailure.error(file + ":" + SqlScript.position(bytes, e.offset()) + ": " + e.getMessage(), e);
        }
        ScriptFile script = ScriptFile.parse(file, text);
        try (Sandbox sandbox = Sandbox.create(throwawayServer.admin(), throwawayServer.newDatabase(), ScriptRoles.in(script), warnings)) {
            Connection connection = sandbox.connect();
            try {
                new SandboxedScript(script, sandbox).run(connection);
            } finally {
                Connections.closeQuietly(connection);
            }
            // a fresh session: what the script SET (search_path, role) must not colour how the schema reads
            Connection reading = sandbox.connect();
            try {
                return new PostgresIntrospector(selection).introspect(reading);
            } catch (SQLException e) {
                throw Errors.database("reading the schema of " + file + " in a temporary database", e);
            } finally {
                Connections.closeQuietly(reading);
            }
        }
    }
}
