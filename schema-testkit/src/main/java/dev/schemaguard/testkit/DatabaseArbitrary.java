package dev.schemaguard.testkit;

import dev.schemaguard.model.Database;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/** The generator {@link Databases#arbitrary()} gives: any model the model accepts, or, {@link #serverValid}, what a server accepts. */
public final class DatabaseArbitrary extends ArbitraryDecorator<Database> {

    /** The major version of the server the models are for; 0 for any model the model accepts. */
    private final int serverVersion;

    DatabaseArbitrary(int serverVersion) {
        this.serverVersion = serverVersion;
    }

    /**
     * Only models a PostgreSQL server of {@code majorVersion} (13 to 17) accepts and introspects back as they are,
     * spelled as that version prints them.
     */
    public DatabaseArbitrary serverValid(int majorVersion) {
        if (majorVersion < 13) {
            throw new IllegalArgumentException("PostgreSQL " + majorVersion + " is older than the oldest supported, 13");
        }
        return new DatabaseArbitrary(majorVersion);
    }

    @Override
    protected Arbitrary<Database> arbitrary() {
        return serverVersion == 0 ? Choices.arbitrary().map(ModelDatabases::database) : ServerDatabases.databases(serverVersion);
    }
}
