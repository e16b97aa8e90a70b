package dev.schemaguard.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PasswordMaskTest {

    /** Spaces, {@code @}, {@code :} and a {@code %}-escape; its pieces are what must not show. */
    private static final String SECRET = "s3Cr@t:p4ss w0rd%21";
    private static final String[] PIECES = {"s3Cr", "p4ss", "w0rd"};

    @ParameterizedTest
    @ValueSource(strings = {
            "postgres://app:" + SECRET + "@db.example.com:5432/shop",
            "postgresql://app:" + SECRET + "@db.example.com/shop?sslmode=require",
            "mysql://app:" + SECRET + "@db.example.com/shop",
            "http://app:" + SECRET + "@example.com/",
            "jdbc:postgresql://h:5432/db?password=" + SECRET + "&user=app",
            "jdbc:postgresql://h:5432/db?user=app&password=" + SECRET,
            "jdbc:postgresql://h:5432/db?user=app&PASSWORD=" + SECRET + "&ssl=true",
            "jdbc:mysql://h/db?user=app&password=" + SECRET,
            "host=h user=app password=" + SECRET,
            "cannot connect to postgres://app:" + SECRET + "@h/db: Connection refused",
            "schema.sql:3:1: ERROR: permission denied in statement: ALTER ROLE app PASSWORD '" + SECRET + "'",
            "in statement: create user app with login password E'" + SECRET + "' valid until 'infinity'",
    })
    void noPieceOfThePasswordRemains(String text) {
        String masked = PasswordMask.mask(text);
        for (String piece : PIECES) {
            assertFalse(masked.contains(piece), () -> piece + " left in " + masked);
        }
        assertEquals(masked, PasswordMask.mask(masked), "masking twice changes nothing");
    }

    @Test
    void keepsWhatIsNoPassword() {
        assertEquals("postgres://app:***@h:5432/db?sslmode=require",
                PasswordMask.mask("postgres://app:pw@h:5432/db?sslmode=require"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                PasswordMask.mask("jdbc:postgresql://h/db?user=u&password=pw&ssl=true"));
        assertEquals("postgres://localhost:5432/db failed", PasswordMask.mask("postgres://localhost:5432/db failed"));
        assertEquals("line one postgres://u:***@h/a\nline two postgres://v:***@k/b\n",
                PasswordMask.mask("line one postgres://u:x@h/a\nline two postgres://v:y@k/b\n"));
        assertEquals("cannot connect to jdbc:postgresql://h/db?password=***: Connection refused",
                PasswordMask.mask("cannot connect to jdbc:postgresql://h/db?password=***: Connection refused"));
        assertEquals(null, PasswordMask.mask(null));
    }
}
