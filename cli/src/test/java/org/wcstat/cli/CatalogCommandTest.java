package org.wcstat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogCommandTest {

    @Test
    void exportPrintsOneObjectPerIndicatorWithTheTargetsOfThePlans() throws Exception {
        String printed = capture("catalog", "export", "--format", "json", "--conf", TestRepo.demoConf().toString());
        JsonNode all = new ObjectMapper().readTree(printed);
        assertTrue(all.isArray() && all.size() >= 10, printed);
        Map<String, JsonNode> byCode = new HashMap<>();
        all.forEach(n -> byCode.put(n.get("code").asText(), n));

        // 孕产妇死亡率控制在12/10万以下 (women's outline, health goal 2)
        JsonNode mmr = byCode.get("W-H-02");
        assertEquals("women", mmr.get("plan").asText());
        assertEquals("health", mmr.get("area").asText());
        assertEquals("孕产妇死亡率", mmr.get("name_zh").asText());
        assertEquals("<=", mmr.at("/target/comparator").asText());
        assertEquals(12.0, mmr.at("/target/value").asDouble());
        assertEquals(2030, mmr.at("/target/year").asInt());
        assertTrue(mmr.get("baseline").isNull());

        // 婴儿死亡率 5.0‰ by 2030, 3‰ in 2020 (children's outline)
        JsonNode imr = byCode.get("C-H-03b");
        assertEquals("children", imr.get("plan").asText());
        assertEquals(5.0, imr.at("/target/value").asDouble());
        assertEquals(2020, imr.at("/baseline/year").asInt());
        assertEquals(3.0, imr.at("/baseline/value").asDouble());

        // 出生人口性别比趋于正常: ≈ 105 ± 2; 村委会主任中女性比例逐步提高: increase, no value
        assertEquals("≈", byCode.get("C-F-08").at("/target/comparator").asText());
        assertEquals("increase", byCode.get("W-D-07b").at("/target/comparator").asText());
        assertTrue(byCode.get("W-D-07b").at("/target/value").isNull());

        // 每个镇建立1支常态化养老服务志愿者队伍: a count target in every town
        JsonNode teams = byCode.get("W-S-M10c");
        assertEquals(">=", teams.at("/target/comparator").asText());
        assertEquals(1.0, teams.at("/target/value").asDouble());
        assertTrue(teams.at("/target/every_town").asBoolean());
        assertTrue(teams.get("denominator").isNull());

        // 逐步缩小城乡差距: the rural ratio less the urban one
        JsonNode gap = byCode.get("W-H-02b");
        assertEquals("decrease", gap.at("/target/comparator").asText());
        assertEquals("maternal_deaths{residence=R}", gap.get("numerator").asText());
        assertEquals("maternal_deaths{residence=U}", gap.at("/minus/numerator").asText());
        assertEquals("live_births{residence=U}", gap.at("/minus/denominator").asText());

        // every comparator is one of the documented eight
        all.forEach(n -> assertTrue(java.util.List.of("<=", "<", ">=", ">", "≈", "increase", "decrease", "relative")
                .contains(n.at("/target/comparator").asText()), n.get("code") + ": " + n.get("target")));
    }

    @Test
    void checkSaysTheCatalogIsSoundAndAgreesWithThePlansGoals() throws Exception {
        // capture() asserts exit code 0: a named indicator whose target or baseline differs from the plan's fails it
        String printed = capture("catalog", "check", "--conf", TestRepo.demoConf().toString());
        assertTrue(printed.startsWith("catalog OK: "), printed);
        assertTrue(printed.contains("plan goals ("), printed);
        // every goal is either measured or left out with its reason: none is merely missing
        assertFalse(printed.contains("not yet in the catalog:"), printed);
        assertTrue(printed.contains("children's outline: 72 with a number: 71 in the catalog, 1 left out, 0 missing;"
                + " 25 direction-only: 25 in the catalog, 0 left out, 0 missing"), printed);
        // the women's outline: every goal in the catalog but three no department's data can measure
        assertTrue(printed.contains("women's outline: 33 with a number: 33 in the catalog, 0 left out, 0 missing;"
                + " 44 direction-only: 41 in the catalog, 3 left out, 0 missing"), printed);
        assertTrue(printed.contains("left out, with the reason (no department's data measure them):\n"
                + "  women health 1 妇女人均预期寿命 (increase): needs a life table"), printed);
    }

    private static String capture(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Wcstat.commandLine().execute(args));
        } finally {
            System.setOut(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
