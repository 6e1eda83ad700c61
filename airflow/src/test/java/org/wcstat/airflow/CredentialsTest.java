package org.wcstat.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void readsUserAndPasswordFromTheEnvironment() {
        Credentials credentials = Credentials.fromEnvironment(Map.of(Credentials.USER, "stats", Credentials.PASSWORD, "pw"));
        assertEquals("stats", credentials.user());
        assertEquals("pw", credentials.password());
    }

    @Test
    void readsThePasswordFromASecretFileWithoutItsTrailingNewline() throws IOException {
        Path secret = Files.writeString(dir.resolve("airflow-password"), "from-file\n");
        Credentials credentials = Credentials.fromEnvironment(
                Map.of(Credentials.USER, "stats", Credentials.PASSWORD_FILE, secret.toString()));
        assertEquals("from-file", credentials.password());
    }

    @Test
    void sayWhatIsMissing() {
        IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class,
                () -> Credentials.fromEnvironment(Map.of(Credentials.PASSWORD, "pw")));
        assertTrue(noUser.getMessage().contains(Credentials.USER));
        IllegalArgumentException noPassword = assertThrows(IllegalArgumentException.class,
                () -> Credentials.fromEnvironment(Map.of(Credentials.USER, "stats")));
        assertTrue(noPassword.getMessage().contains(Credentials.PASSWORD_FILE));
        IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class,
                () -> Credentials.fromEnvironment(Map.of(Credentials.USER, "stats",
                        Credentials.PASSWORD_FILE, dir.resolve("absent").toString())));
        assertTrue(unreadable.getMessage().contains("cannot read the password file"));
    }

    @Test
    void neverShowsThePassword() {
        String shown = new Credentials("stats", "s3cret").toString();
        assertFalse(shown.contains("s3cret"));
        assertTrue(shown.contains("stats"));
    }
}
