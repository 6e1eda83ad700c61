package org.wcstat.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** wcstat diff on two revisions of a release written by hand: what it reports is read off the two files below. */
class DiffCommandTest {
    @TempDir
    Path home;

    private static final String HEADER = "indicator,year,region,sex,age_band,residence,pooled_years,value,ci_low,ci_high,obs_status,conf_status,flags";

    @Test
    void everyKindOfChangeWithTheLoadsBehindIt() throws Exception {
        // revision 1: infant mortality 4.5, girls withheld; legal aid to women aged 18-24 30; loads L1 (health)
        release("2024-r1", 1, List.of(
                "C-H-03b,2024,510811,_T,_T,_T,1,4.5,,,A,F,",
                "C-H-03b,2024,510811,F,_T,_T,1,,,,O,C,suppressed",
                "W-L-09,2024,510811,_T,18-24,_T,1,30,,,A,F,"),
                "{\"load_id\": \"L1\", \"source\": \"health\", \"extract\": \"death_report\", \"started_at\": \"2025-03-01T08:00:00Z\"}");
        // revision 2: infant mortality 4.8 (revised, +0.3), girls 2.5 (released), 18-24 withheld, aged 65+ 3 (added);
        // loads L1 and L2 (health, new) and L3 (justice, new)
        release("2024", 2, List.of(
                "C-H-03b,2024,510811,_T,_T,_T,1,4.8,,,A,F,",
                "C-H-03b,2024,510811,F,_T,_T,1,2.5,,,A,F,",
                "W-L-09,2024,510811,_T,18-24,_T,1,,,,O,C,suppressed",
                "W-L-09,2024,510811,_T,65+,_T,1,3,,,A,F,"),
                "{\"load_id\": \"L1\", \"source\": \"health\", \"extract\": \"death_report\", \"started_at\": \"2025-03-01T08:00:00Z\"},"
                        + "{\"load_id\": \"L2\", \"source\": \"health\", \"extract\": \"death_report\", \"started_at\": \"2025-04-02T09:00:00Z\"},"
                        + "{\"load_id\": \"L3\", \"source\": \"justice\", \"extract\": \"legal_aid\", \"started_at\": \"2025-04-03T10:00:00Z\"}");

        Path csv = home.resolve("changes.csv");
        StringWriter out = new StringWriter();
        CommandLine cmd = Wcstat.commandLine();
        cmd.setOut(new PrintWriter(out));
        int exit = cmd.execute("diff", "--home", home.toString(), "--conf", TestRepo.demoConf().toString(), "--year", "2024", "--csv", csv.toString());
        assertEquals(0, exit, out.toString());
        String health = "health/death_report 2025-04-02T09:00:00Z";
        String justice = "justice/legal_aid 2025-04-03T10:00:00Z";
        assertEquals(List.of("indicator,year,region,sex,age_band,residence,pooled_years,change,previous_value,value,difference,loads",
                "C-H-03b,2024,510811,F,_T,_T,1,released,…,2.5,," + health,
                "C-H-03b,2024,510811,_T,_T,_T,1,revised,4.5,4.8,0.3," + health,
                "W-L-09,2024,510811,_T,18-24,_T,1,withheld,30,…,," + justice,
                "W-L-09,2024,510811,_T,65+,_T,1,added,,3,," + justice), Files.readAllLines(csv));

        StringWriter table = new StringWriter();
        cmd.setOut(new PrintWriter(table));
        assertEquals(0, cmd.execute("diff", "--home", home.toString(), "--conf", TestRepo.demoConf().toString(), "--year", "2024", "--from", "1", "--to", "2"));
        assertTrue(table.toString().startsWith("2024: revision 1 → 2, 4 change(s)"), table.toString());
        assertTrue(table.toString().contains("revised   4.5"), table.toString());
    }

    @Test
    void aYearWithOneRevisionHasNothingToCompare() throws Exception {
        release("2024", 1, List.of("C-H-03b,2024,510811,_T,_T,_T,1,4.5,,,A,F,"), "");
        StringWriter err = new StringWriter();
        CommandLine cmd = Wcstat.commandLine();
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute("diff", "--home", home.toString(), "--conf", TestRepo.demoConf().toString(), "--year", "2024");
        assertTrue(exit != 0);
        assertTrue(err.toString().contains("2024 has one revision only"), err.toString());
    }

    private void release(String folder, int revision, List<String> values, String loads) throws Exception {
        Path dir = Files.createDirectories(home.resolve("releases").resolve(folder).resolve("data"));
        Files.write(dir.resolve("indicator_values.csv"), concat(HEADER, values));
        Files.writeString(dir.getParent().resolve("manifest.json"), "{\"year\": 2024, \"revision\": " + revision
                + ", \"published_at\": \"2025-04-05T00:00:00Z\", \"loads\": [" + loads + "], \"files\": []}");
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
