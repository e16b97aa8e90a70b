package dev.schemaguard.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating-system account that runs initdb, pg_ctl and the server. PostgreSQL refuses to run
 * as root, so a JVM running as uid 0 hands these programs to an unprivileged account: the one named
 * by {@value #USER_VARIABLE}, else {@code postgres} if it exists, else {@code nobody}; switching with
 * {@code runuser}, {@code setpriv} or {@code su}, whichever works first.
 */
final class ServerAccount {

    static final String USER_VARIABLE = "SCHEMAGUARD_PG_USER";
    private static final Logger LOG = LoggerFactory.getLogger(ServerAccount.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final String userName;
    private final List<String> prefix;
    private final UserPrincipal owner;

    private ServerAccount(String userName, List<String> prefix, UserPrincipal owner) {
        this.userName = userName;
        this.prefix = List.copyOf(prefix);
        this.owner = owner;
    }

    /** True when this JVM runs with effective uid 0. */
    static boolean runningAsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // real, effective, saved, fs
                }
            }
        } catch (IOException | RuntimeException e) {
            // no procfs (e.g. macOS): fall back to the user name
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * The account that will run {@code postgresBinary}, checked by running {@code postgres --version}
     * through it; the output is the version banner, e.g. {@code postgres (PostgreSQL) 17.6}.
     */
    static ServerAccount forBinary(Path postgresBinary) {
        List<String> versionCommand = List.of(postgresBinary.toString(), "--version");
        if (!runningAsRoot()) {
            ServerAccount self = new ServerAccount(System.getProperty("user.name"), List.of(), null);
            Commands.runChecked("running the PostgreSQL binary", versionCommand, CHECK_TIMEOUT);
            return self;
        }
        String user = chooseUser();
        UserPrincipal owner;
        try {
            owner = Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        } catch (UserPrincipalNotFoundException e) {
            throw new EmbeddedPostgresException(notRootMessage("the account '" + user + "' (from " + USER_VARIABLE
                    + ") does not exist"));
        } catch (IOException e) {
            throw new EmbeddedPostgresException(notRootMessage("looking up the account '" + user + "' failed: " + e), e);
        }
        List<String> failures = new ArrayList<>();
        for (List<String> prefix : switchCommands(user)) {
            List<String> command = new ArrayList<>(prefix);
            command.addAll(versionCommand);
            Commands.Result result = Commands.run(su(command), CHECK_TIMEOUT);
            if (result.succeeded()) {
                LOG.debug("running PostgreSQL as '{}' via {}", user, prefix.get(0));
                return new ServerAccount(user, prefix, owner);
            }
            failures.add("`" + String.join(" ", su(command)) + "` -> exit " + result.exitCode() + ": "
                    + result.output().strip());
        }
        throw new EmbeddedPostgresException(notRootMessage("could not run " + postgresBinary + " as '" + user + "'"
                + (failures.isEmpty() ? ": none of runuser, setpriv, su was found"
                : ":" + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", failures))));
    }

    String userName() {
        return userName;
    }

    boolean switchesUser() {
        return !prefix.isEmpty();
    }

    /** {@code command} as run by this account. */
    List<String> command(List<String> command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        return su(full);
    }

    /** Makes the account own {@code path} (only when switching users; otherwise it is ours already). */
    void handOver(Path path) throws IOException {
        if (owner != null) {
            Files.setOwner(path, owner);
        }
    }

    /**
     * True if every existing directory from {@code path} up to the root lets other users through,
     * i.e. the server account can reach files below it.
     */
    static boolean traversableByOthers(Path path) {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            if (!Files.exists(p)) {
                continue;
            }
            try {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    private static String chooseUser() {
        String configured = System.getenv(USER_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            return "postgres";
        } catch (IOException e) {
            return "nobody";
        }
    }

    /** Prefixes that run a command as {@code user}; {@code su} is marked by its first element. */
    private static List<List<String>> switchCommands(String user) {
        List<List<String>> prefixes = new ArrayList<>();
        findProgram("runuser").ifPresent(runuser -> prefixes.add(List.of(runuser, "-u", user, "--")));
        findProgram("setpriv").ifPresent(setpriv -> ids(user).ifPresent(ids -> prefixes.add(List.of(setpriv,
                "--reuid=" + ids[0], "--regid=" + ids[1], "--clear-groups", "--"))));
        findProgram("su").ifPresent(su -> prefixes.add(List.of(SU_MARKER, su, user)));
        return prefixes;
    }

    private static final String SU_MARKER = "<su>";

    /** {@code su} takes one shell command string rather than an argument vector. */
    private static List<String> su(List<String> command) {
        if (command.isEmpty() || !command.get(0).equals(SU_MARKER)) {
            return command;
        }
        StringBuilder shell = new StringBuilder("exec");
        for (String argument : command.subList(3, command.size())) {
            shell.append(" '").append(argument.replace("'", "'\\''")).append('\'');
        }
        return List.of(command.get(1), "-s", "/bin/sh", command.get(2), "-c", shell.toString());
    }

    private static Optional<String[]> ids(String user) {
        Commands.Result uid = Commands.run(List.of("id", "-u", user), CHECK_TIMEOUT);
        Commands.Result gid = Commands.run(List.of("id", "-g", user), CHECK_TIMEOUT);
        if (!uid.succeeded() || !gid.succeeded()) {
            return Optional.empty();
        }
        return Optional.of(new String[] {uid.output().strip(), gid.output().strip()});
    }

    private static Optional<String> findProgram(String name) {
        List<String> directories = new ArrayList<>(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(0, List.of(path.split(":")));
        }
        for (String directory : directories) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static String notRootMessage(String problem) {
        return "PostgreSQL refuses to run as root and this JVM runs as root, but " + problem + "." + System.lineSeparator()
                + "Do one of these: run as a non-root user; set " + USER_VARIABLE + " to an existing unprivileged"
                + " account that can read the PostgreSQL binaries and /tmp; or pass an explicit database URL"
                + " (e.g. --dev-db, or SCHEMAGUARD_TEST_DATABASE_URL for tests) instead of an embedded server.";
    }
}
