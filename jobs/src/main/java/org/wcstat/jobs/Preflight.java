package org.wcstat.jobs;

import org.wcstat.core.Progress;
import org.wcstat.core.WcstatException;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.ingest.ReturnFiles;
import org.wcstat.jobs.ingest.SourceConnection;
import org.wcstat.jobs.publish.PublishResources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks, before the first extract is read, what the stages about to run will need: a home that can be
 * written, the fonts and templates publish uses, and a connection to every department's database it reads.
 * The configuration and the catalog are checked as they load. A problem is told in seconds, all of them at
 * once, rather than after minutes of loading.
 */
public final class Preflight {
    static final int ATTEMPTS = 3;

    /** What the stages need beyond the configuration: the departments they read, and whether they publish. */
    public record Needs(List<SourceConfig> sources, boolean publish) {
        /** For stages named as in pipelines/yearly-load.yaml (ingest, validate, compute, assess, publish). */
        public static Needs of(Configuration config, Collection<String> jobs, Optional<String> onlySource) {
            boolean reads = jobs.contains("ingest") || jobs.contains("validate");
            List<SourceConfig> sources = !reads ? List.of()
                    : onlySource.map(s -> List.of(config.source(s))).orElse(config.sources());
            return new Needs(sources, jobs.contains("publish"));
        }
    }

    /** Problems found before anything ran; the message lists each with what to do. */
    public static final class PreflightException extends WcstatException {
        PreflightException(List<String> problems) {
            super(Kind.PREFLIGHT, problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems:\n  " + String.join("\n  ", problems));
        }
    }

    private final Configuration config;
    private final Path home;
    private final Map<String, String> env;
    private final Progress progress;
    private final long firstBackoffMs;

    public Preflight(Configuration config, Path home, Map<String, String> env, Progress progress) {
        this(config, home, env, progress, 2_000);
    }

    Preflight(Configuration config, Path home, Map<String, String> env, Progress progress, long firstBackoffMs) {
        this.config = config;
        this.home = home;
        this.env = env;
        this.progress = progress;
        this.firstBackoffMs = firstBackoffMs;
    }

    public void check(Needs needs) {
        List<String> problems = new ArrayList<>();
        writable().ifPresent(problems::add);
        if (needs.publish()) {
            try {
                PublishResources.check(config);
            } catch (ConfigException | IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        if (!needs.sources().isEmpty()) {
            progress.step("checking the connection to " + needs.sources().size() + " department database(s)");
            problems.addAll(connections(needs.sources()));
        }
        if (!problems.isEmpty()) {
            throw new PreflightException(problems);
        }
    }

    private Optional<String> writable() {
        try {
            Files.createDirectories(home);
            Files.delete(Files.createTempFile(home, ".write-check", ""));
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of(home.toAbsolutePath() + " cannot be written (" + e + "): choose another folder with --home,"
                    + " or give this user the right to write there");
        }
    }

    /** Every department at once, a few at a time; a server that does not answer is tried again. */
    private List<String> connections(List<SourceConfig> sources) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, sources.size()));
        try {
            List<Future<Optional<String>>> checks = new ArrayList<>();
            for (SourceConfig s : sources) {
                checks.add(pool.submit(() -> connect(s)));
            }
            List<String> problems = new ArrayList<>();
            for (Future<Optional<String>> f : checks) {
                f.get().ifPresent(problems::add);
            }
            return problems;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the department databases", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<String> connect(SourceConfig source) throws InterruptedException {
        if (source.isFile()) {
            // a department without a database: its returns must be there and open, instead of a connection
            List<String> problems = ReturnFiles.check(source, config.folder().sourceFile(source.department()), home);
            return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n  ", problems));
        }
        SourceConnection connection = new SourceConnection(config, source, home, env);
        long backoff = firstBackoffMs;
        for (int attempt = 1; ; attempt++) {
            try {
                connection.check();
                return Optional.empty();
            } catch (ConfigException e) {
                return Optional.of(e.getMessage());
            } catch (SourceConnection.SourceRefusedException e) {
                if (!e.retryable()) {
                    return Optional.of(e.getMessage());
                }
                if (attempt >= ATTEMPTS) {
                    return Optional.of(e.getMessage() + " (tried " + ATTEMPTS + " times)");
                }
                progress.warn(source.department() + ": no answer (attempt " + attempt + " of " + ATTEMPTS + "); trying again in "
                        + backoff / 1000.0 + " s");
                Thread.sleep(backoff);
                backoff *= 2;
            }
        }
    }
}
