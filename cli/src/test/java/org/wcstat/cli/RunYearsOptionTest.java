package org.wcstat.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `wcstat run --years`: a range or a list, and either it or --year; the mistakes are caught before anything runs. */
class RunYearsOptionTest {

    @Test
    void aRangeOrAListGivesTheYearsInOrder() {
        Years.Parser p = new Years.Parser();
        assertEquals(List.of(2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025), p.convert("2015-2025").list());
        assertEquals(List.of(2019, 2021), p.convert("2021, 2019,2021").list());
        assertEquals(List.of(2024), p.convert("2024").list());
    }

    @Test
    void aBackwardRangeOrAnythingElseIsAUsageError() {
        String backwards = usageError("run", "--years", "2025-2015");
        assertTrue(backwards.contains("'2025-2015' runs backwards; write the earlier year first, e.g. 2015-2025"), backwards);
        String words = usageError("run", "--years", "last ten");
        assertTrue(words.contains("'last ten' is neither a range of years (2015-2025) nor a list of them (2019,2021)"), words);
        String both = usageError("run", "--year", "2024", "--years", "2015-2024");
        assertTrue(both.contains("mutually exclusive"), both);
        String neither = usageError("run");
        assertTrue(neither.contains("Missing required argument"), neither);
    }

    private static String usageError(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Wcstat.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(CommandLine.ExitCode.USAGE, cl.execute(args), "exit code of " + List.of(args));
        return err.toString();
    }
}
