package dev.schemaguard.benchmarks;

/** One way of reading a database's schema, timed by {@link SideBySide}. */
public interface Contender {

    /** A short name for the results table, also what {@code --tools} selects by. */
    String name();

    /**
     * Reads the schema {@link SyntheticSchema#SCHEMA} of {@code database} once, from a fresh connection or
     * process, and says what it read (e.g. "10,000 tables"), so a run that silently read nothing shows.
     */
    String read(ServerAddress server, String database) throws Exception;
}
