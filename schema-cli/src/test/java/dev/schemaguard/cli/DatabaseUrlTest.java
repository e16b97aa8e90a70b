package dev.schemaguard.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseUrlTest {

    @Test
    void libpqUrlBecomesJdbcWithCredentialsAsProperties() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:p%40ss:w0rd@db.example.com:6543/shop?sslmode=require");

        assertEquals("jdbc:postgresql://db.example.com:6543/shop?sslmode=require", url.jdbcUrl());
        assertEquals("app", url.properties().getProperty("user"));
        assertEquals("p@ss:w0rd", url.properties().getProperty("password"));
        assertEquals("postgres://app:***@db.example.com:6543/shop?sslmode=require", url.display());
    }

    @Test
    void postgresqlSchemeWithoutPasswordOrPort() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://reader@localhost/app");

        assertEquals("jdbc:postgresql://localhost/app", url.jdbcUrl());
        assertEquals("reader", url.properties().getProperty("user"));
        assertFalse(url.properties().containsKey("password"));
        assertEquals("postgresql://reader@localhost/app", url.display());
    }

    @Test
    void jdbcUrlIsKeptAndItsPasswordMasked() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:5432/db?user=u&password=s3cret&ssl=true");

        assertEquals("jdbc:postgresql://h:5432/db?user=u&password=s3cret&ssl=true", url.jdbcUrl());
        assertEquals("jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true", url.display());
    }

    @Test
    void anotherDatabaseOnTheSameServer() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:pw@h:5432/postgres?sslmode=disable").withDatabase("tmp_1");

        assertEquals("jdbc:postgresql://h:5432/tmp_1?sslmode=disable", url.jdbcUrl());
        assertEquals("pw", url.properties().getProperty("password"));
    }

    @Test
    void otherDatabasesAndNonUrlsAreRejected() {
        assertEquals(ExitCode.ERROR, assertThrows(CliFailure.class,
                () -> DatabaseUrl.parse("jdbc:mysql://h/db?password=x")).exitCode());
        CliFailure failure = assertThrows(CliFailure.class, () -> DatabaseUrl.parse("mysql://u:secret@h/db"));
        assertFalse(failure.getMessage().contains("secret"), failure.getMessage());
    }

    @Test
    void maskHidesPasswordsInAnyText() {
        assertEquals("failed for postgres://u:***@h/db and jdbc:postgresql://h/db?password=***&user=u",
                PasswordMask.mask("failed for postgres://u:pw@h/db and jdbc:postgresql://h/db?password=pw&user=u"));
    }
}
