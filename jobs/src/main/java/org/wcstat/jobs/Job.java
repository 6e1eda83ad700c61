package org.wcstat.jobs;

import java.util.Optional;

/** One stage of the pipeline, idempotent for a given year: running it twice leaves the same warehouse. */
public interface Job {
    /**
     * @param source for per-source stages, the one department to run for; empty for all
     * @return a one-line summary of what was done, for the run's closing report
     */
    String run(JobContext ctx, int year, Optional<String> source);
}
