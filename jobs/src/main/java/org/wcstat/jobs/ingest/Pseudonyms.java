package org.wcstat.jobs.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The secret key mixed into hashed identifiers, so that a hashed ID number cannot be recovered by
 * hashing every possible ID number. From WCSTAT_PSEUDONYM_KEY, else a key file made once per home
 * with owner-only permissions; the same key keeps hashes stable across loads.
 */
final class Pseudonyms {
    static final String ENV = "WCSTAT_PSEUDONYM_KEY";

    private Pseudonyms() {
    }

    /** Synchronized: departments load side by side, and the first run must make one key, not several. */
    static synchronized String key(Path home, Map<String, String> env) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path file = home.resolve("secrets").resolve("pseudonym.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                Files.writeString(file, HexFormat.of().formatHex(bytes));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: rely on the folder's own permissions
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the pseudonym key " + file + " (" + e.getMessage()
                    + "); set " + ENV + " instead", e);
        }
    }
}
