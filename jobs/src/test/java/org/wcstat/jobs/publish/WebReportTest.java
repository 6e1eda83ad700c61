package org.wcstat.jobs.publish;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.html in headless Chromium with the network off: no console errors, the statuses shown in words and in
 * colour, the charts drawn by the inlined ECharts, the drill-down by sex and town. Saves a screenshot to
 * target/report.png.
 */
class WebReportTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    static Path profile;
    static HeadlessChromium chromium;

    @BeforeAll
    static void load() throws Exception {
        Path report = PublishedRelease.get().dir.resolve("report.html");
        chromium = new HeadlessChromium(profile);
        chromium.load(report, 1280, 1600);
        // ECharts draws on the next animation frames; let them pass
        chromium.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))))");
    }

    @AfterAll
    static void close() throws Exception {
        if (chromium != null) chromium.close();
    }

    @Test
    void thePageLoadsOfflineWithoutErrors() throws Exception {
        assertEquals("zh-CN", chromium.eval("document.documentElement.lang").asText());
        // nothing is fetched: no element points outside the file
        assertEquals(0, chromium.eval("[...document.querySelectorAll('[src],[href]')]"
                + ".filter(e => /^(https?:)?\\/\\//.test(e.getAttribute('src') || e.getAttribute('href'))).length").asInt());
        assertEquals("function", chromium.eval("typeof echarts.init").asText());
        assertEquals(java.util.List.of(), chromium.errors());
    }

    @Test
    void aStatusIsShownInWordsAndInColour() throws Exception {
        // 婴儿死亡率 is on track (hand-made assessment); its badge says so and is green (#4caf50)
        assertEquals("进展顺利 / on track", chromium.eval("document.querySelector('#row-C-H-03b .status').textContent").asText());
        assertEquals("rgb(76, 175, 80)", chromium.eval(
                "getComputedStyle(document.querySelector('#row-C-H-03b .status')).backgroundColor").asText());
        assertEquals("未评估 / not assessed", chromium.eval("document.querySelector('#row-W-H-02 .status').innerText").asText());
        // the row's figures as the reader sees them: ≤ 5, 2020 3, 2021 4, 2022 none, 2023 4, 2024 4.5
        assertEquals("‰|≤ 5|3|4|—|4|4.5", chromium.eval("[...document.querySelectorAll('#row-C-H-03b td')].slice(0, 7)"
                + ".map(td => td.innerText).join('|')").asText());
    }

    @Test
    void theKeyTrendsAreDrawn() throws Exception {
        // four key indicators in conf/yearbook.yaml; three have values, drawn as SVG with a description for
        // screen readers; W-D-04 has none and says so instead of drawing empty axes
        assertEquals(3, chromium.eval("document.querySelectorAll('#key .chart svg').length").asInt());
        assertEquals("暂无数据 / no data", chromium.eval("document.querySelector('#key .chart[data-series=\"W-D-04\"]').innerText").asText());
        String label = chromium.eval("document.querySelector('#key .chart').getAttribute('aria-label')").asText();
        assertTrue(label.startsWith("婴儿死亡率"), label);
    }

    @Test
    void anIndicatorOpensToItsBreakdowns() throws Exception {
        chromium.eval("document.querySelector('#detail-C-H-03b').open = true");
        chromium.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))))");
        // its trend and its towns' bars are drawn once it is opened
        assertEquals(2, chromium.eval("document.querySelectorAll('#detail-C-H-03b .chart svg').length").asInt());
        String tables = chromium.eval("document.querySelector('#detail-C-H-03b').innerText").asText();
        // girls 2024 withheld, and boys with them (total 9 - boys 7 = girls 2); 卫子镇 5, 昭化镇 4.17
        assertTrue(tables.contains("女 / female\t—\t—\t—\t—\t…"), tables);
        assertTrue(tables.contains("男 / male\t—\t—\t—\t—\t…"), tables);
        assertTrue(tables.contains("卫子镇 / Weizi\t—\t—\t—\t—\t5"), tables);
        assertTrue(tables.contains("昭化镇 / Zhaohua\t—\t—\t—\t—\t4.17"), tables);
        Path shot = Path.of("target", "report.png");
        Files.write(shot, chromium.screenshot());
        byte[] head = new byte[4];
        System.arraycopy(Files.readAllBytes(shot), 0, head, 0, 4);
        assertArrayEquals(PNG, head);
        assertEquals(java.util.List.of(), chromium.errors());
    }

    @Test
    void aCountOpensToItsAgeBands() throws Exception {
        chromium.eval("document.querySelector('#detail-W-L-09').open = true");
        String tables = chromium.eval("document.querySelector('#detail-W-L-09').innerText").asText();
        // 65+: 2, withheld; 18-24: 30, withheld with it, as a withheld cell must not be the only unknown of its breakdown
        assertTrue(tables.contains("18-24岁 / aged 18-24\t—\t—\t—\t—\t…"), tables);
        assertTrue(tables.contains("65岁及以上 / aged 65+\t—\t—\t—\t—\t…"), tables);
    }

    @Test
    void theWarningsAreListedWithoutRevealingASmallCount() throws Exception {
        String warnings = chromium.eval("document.querySelector('#warnings').innerText").asText();
        assertTrue(warnings.contains(PublishedRelease.PUBLISHED_REASON), warnings);
        assertTrue(warnings.contains("涉及少于3例的小数，详情不予公布。"), warnings);
        assertTrue(!warnings.contains(PublishedRelease.WITHHELD_REASON), warnings);
    }

    @Test
    void anIndicatorHasAPageAtItsCode() throws Exception {
        chromium.eval("location.hash = '#C-H-03b'");
        chromium.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))))");
        assertTrue(chromium.eval("document.body.classList.contains('on-indicator')").asBoolean());
        assertEquals("C-H-03b 婴儿死亡率 / Infant mortality rate（‰）", chromium.eval("document.querySelector('#indicator-page h2').textContent").asText());
        assertEquals("none", chromium.eval("getComputedStyle(document.querySelector('#summary')).display").asText(), "the report's sections give way");
        // the series (2020 3, 2021 4, 2022 none, 2023 4, 2024 4.5) with the target ≤ 5 as a line
        String chart = "echarts.getInstanceByDom(document.querySelector('#indicator-page .chart')).getOption()";
        assertEquals(5.0, chromium.eval(chart + ".series[0].markLine.data[0].yAxis").asDouble());
        assertEquals("[3,4,null,4,4.5]", chromium.eval("JSON.stringify(" + chart + ".series[0].data.slice(-5))").asText());
        assertTrue(chromium.eval("document.querySelectorAll('#indicator-page .chart svg path').length").asInt() > 3);
        // by town: 卫子镇 5 and 昭化镇 4.17 in 2024, and the CSV to download follows the choice
        chromium.eval("const s = document.querySelector('#breakdown'); s.value = [...s.options].find(o => o.text.startsWith('分乡镇')).value;"
                + " s.dispatchEvent(new Event('change'))");
        String names = chromium.eval("JSON.stringify(" + chart + ".series.map(s => s.name))").asText();
        assertTrue(names.contains("卫子镇") && names.contains("昭化镇"), names);
        String csv = java.net.URLDecoder.decode(chromium.eval("document.querySelector('#indicator-csv').href").asText()
                .substring("data:text/csv;charset=utf-8,".length()), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("\"2024\",\"5\",\"4.17\"") || csv.contains("\"2024\",\"4.17\",\"5\""), csv);
        Path shot = Path.of("target").resolve("report-indicator-C-H-03b.png");
        Files.write(shot, chromium.screenshot());
        // the search box finds it by a word of its name, and the way back is the report
        chromium.eval("const q = document.querySelector('#indicator-search'); q.value = '婴儿死亡'; q.dispatchEvent(new Event('input'))");
        assertTrue(chromium.eval("[...document.querySelectorAll('#indicator-list li:not([hidden])')].some(li => li.textContent.startsWith('C-H-03b '))").asBoolean());
        chromium.eval("location.hash = '#summary'");
        chromium.eval("new Promise(r => setTimeout(r, 100))");
        assertFalse(chromium.eval("document.body.classList.contains('on-indicator')").asBoolean());
        assertEquals(java.util.List.of(), chromium.errors());
    }
}
