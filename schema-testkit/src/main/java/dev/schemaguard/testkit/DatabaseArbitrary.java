package dev.schemaguard.testkit;

import dev.schemaguard.model.Database;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/** The generator {@link Databases#arbitrary()} gives: any model the model accepts, or, {@link #serverValid()}, what a server accepts. */
public final class DatabaseArbitrary extends ArbitraryDecorator<Database> {

    private final boolean serverValid;

    DatabaseArbitrary(boolean serverValid) {
        this.serverValid = serverValid;
    }

    /** Only models a PostgreSQL server (13 to 17) accepts and introspects back as they are. */
    public DatabaseArbitrary serverValid() {
        return new DatabaseArbitrary(true);
    }

    @Override
    protected Arbitrary<Database> arbitrary() {
        return serverValid ? ServerDatabases.databases() : Choices.arbitrary().map(ModelDatabases::database);
    }
}
