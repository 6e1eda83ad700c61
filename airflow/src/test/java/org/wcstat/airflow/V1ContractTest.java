package org.wcstat.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Airflow 2: {@code /api/v1} with basic auth. */
class V1ContractTest extends ApiContractTest {

    V1ContractTest() {
        super(new CannedV1());
    }

    @Override
    void assertTriggerLogicalDate(JsonNode body, String expected) {
        if (expected == null) {
            // Airflow 2 uses the trigger time; sending null would be allowed but says nothing more
            assertFalse(body.has("logical_date"), body.toString());
        } else {
            assertEquals(expected, body.path("logical_date").asText());
        }
        assertFalse(body.has("execution_date"), "the deprecated field is never sent");
    }

    @Override
    String latestOrder() {
        return "-execution_date";
    }

    @Test
    void everyCallCarriesBasicAuth() {
        airflow.answer("GET", dagPath() + "/dagRuns/" + RUN_ID_ENCODED, 200,
                canned.dagRun(RUN_ID, "success", "2025-01-01T00:00:00+08:00", 2024));

        load.run(Optional.of(RUN_ID));

        String expected = "Basic " + Base64.getEncoder().encodeToString("stats:s3cret:pa55".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, airflow.requests().get(0).header("Authorization"));
        assertTrue(airflow.requests().stream().noneMatch(r -> r.rawPath().startsWith("/auth")));
    }
}
