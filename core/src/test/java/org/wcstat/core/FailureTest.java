package org.wcstat.core;

import org.junit.jupiter.api.Test;
import org.wcstat.core.yaml.ConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one mapping from what stopped a command to its message and exit code. */
class FailureTest {

    @Test
    void aConfigurationErrorExitsTwoWithItsMessageAlone() {
        Failure f = Failure.of(new ConfigException("conf/regions.yaml:3:5: unknown field 'nmae'; did you mean 'name'?"));
        assertEquals(new Failure("configuration error: conf/regions.yaml:3:5: unknown field 'nmae'; did you mean 'name'?", 2, true), f);
    }

    @Test
    void aUsageErrorExitsTwo() {
        Failure f = Failure.of(new WcstatException(WcstatException.Kind.USAGE, "--year is required"));
        assertEquals(2, f.exitCode());
        assertEquals("usage error: --year is required", f.message());
    }

    @Test
    void aFailureTheMessageExplainsExitsOneEvenWhenWrapped() {
        WcstatException refused = new WcstatException(WcstatException.Kind.FAILED, "release 2024 was published from other data");
        Failure f = Failure.of(new CompletionException(refused));
        assertEquals(new Failure("error: release 2024 was published from other data", 1, true), f);
    }

    @Test
    void anUnexpectedExceptionExitsOneNamingItsRootCause() {
        Failure f = Failure.of(new IllegalStateException("cannot write the release",
                new UncheckedIOException(new IOException("No space left on device"))));
        assertEquals(1, f.exitCode());
        assertFalse(f.explained());
        assertTrue(f.message().startsWith("error: cannot write the release\n  cause: java.io.IOException: No space left on device"),
                f.message());
    }
}
