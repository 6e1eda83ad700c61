package org.wcstat.jobs;

import org.wcstat.jobs.assess.AssessJob;
import org.wcstat.jobs.compute.ComputeJob;
import org.wcstat.jobs.ingest.IngestJob;
import org.wcstat.jobs.ingest.ValidateJob;
import org.wcstat.jobs.maintain.MaintainJob;
import org.wcstat.jobs.publish.PublishJob;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The jobs a pipeline stage may name, by the name it uses. */
public final class Jobs {
    private static final Map<String, Supplier<Job>> JOBS = new TreeMap<>(Map.of(
            "ingest", IngestJob::new,
            "compute", ComputeJob::new,
            "assess", AssessJob::new,
            "publish", PublishJob::new,
            "maintain", MaintainJob::new,
            "validate", ValidateJob::new));

    private Jobs() {
    }

    public static Job get(String name) {
        Supplier<Job> job = JOBS.get(name);
        if (job == null) {
            throw new IllegalArgumentException("no job '" + name + "'; the jobs are " + JOBS.keySet());
        }
        return job.get();
    }
}
