package org.wcstat.jobs;

import java.util.List;
import java.util.Optional;

/**
 * A stage that does several years in one pass, for less than a run per year: ingest reads each extract once
 * for all of them. The warehouse it leaves is the one its runs for each year, in order, would leave.
 */
public interface YearsJob extends Job {
    /** @param years ascending, without repeats */
    String run(JobContext ctx, List<Integer> years, Optional<String> source);

    /** The years as a summary names them: "2024", "2015-2025", or "2019, 2021". */
    static String span(List<Integer> years) {
        int first = years.get(0);
        int last = years.get(years.size() - 1);
        if (years.size() == 1) return String.valueOf(first);
        return last - first == years.size() - 1 ? first + "-" + last : String.join(", ", years.stream().map(String::valueOf).toList());
    }
}
