package dev.schemaguard.embedded;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random passwords for the embedded server. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits as 64 hex digits: nothing to quote or escape in SQL, URLs or files. */
    static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
