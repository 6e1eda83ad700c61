package org.wcstat.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Telling Airflow 2 from Airflow 3 by asking {@code /api/v2/version}. */
class AirflowClientTest {

    static final Credentials LOGIN = new Credentials("stats", "pw");

    @Test
    void anAirflow3ServerGetsTheV2Api() {
        try (FakeAirflow airflow = new FakeAirflow(OpenApiContract.airflow3())) {
            airflow.answer("GET", "/api/v2/version", 200, "{\"version\":\"3.1.3\",\"git_version\":null}");

            AirflowApi api = AirflowClient.connect(airflow.url(), null, LOGIN, Duration.ofSeconds(5));

            assertEquals(ApiVersion.V2, api.version());
            assertEquals(List.of(), airflow.violations());
        }
    }

    @Test
    void anAirflow2ServerAnswers404AndGetsTheV1Api() {
        try (FakeAirflow airflow = new FakeAirflow(OpenApiContract.airflow2())) {
            airflow.answerOutsideContract("GET", "/api/v2/version", 404, "{\"detail\":\"Not Found\"}");

            AirflowApi api = AirflowClient.connect(airflow.url(), null, LOGIN, Duration.ofSeconds(5));

            assertEquals(ApiVersion.V1, api.version());
            assertEquals(List.of(), airflow.violations());
        }
    }

    @Test
    void anAskedForVersionIsUsedWithoutAsking() {
        try (FakeAirflow airflow = new FakeAirflow(OpenApiContract.airflow2())) {
            assertEquals(ApiVersion.V1, AirflowClient.connect(airflow.url(), ApiVersion.V1, LOGIN, Duration.ofSeconds(5)).version());
            assertEquals(List.of(), airflow.requests());
        }
    }

    @Test
    void aBrokenServerIsNotMistakenForEitherVersion() {
        try (FakeAirflow airflow = new FakeAirflow(OpenApiContract.airflow3())) {
            airflow.answerOutsideContract("GET", "/api/v2/version", 502, "Bad Gateway");

            AirflowException e = assertThrows(AirflowException.class,
                    () -> AirflowClient.connect(airflow.url(), null, LOGIN, Duration.ofSeconds(5)));

            assertEquals(502, e.status());
            assertTrue(e.getMessage().contains("Bad Gateway"), e.getMessage());
        }
    }

    @Test
    void versionNamesAreParsedAndUnknownOnesExplained() {
        assertEquals(ApiVersion.V1, ApiVersion.parse("v1"));
        assertEquals(ApiVersion.V2, ApiVersion.parse("V2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse("v3"));
        assertTrue(e.getMessage().contains("v1 (Airflow 2) or v2 (Airflow 3)"));
    }

    @Test
    void pathSegmentsKeepPlusAndColonLiteral() {
        assertEquals("manual__2025-01-01T00%3A00%3A00%2B08%3A00", PathSegment.encode("manual__2025-01-01T00:00:00+08:00"));
        assertEquals("a%20b", PathSegment.encode("a b"));
    }
}
