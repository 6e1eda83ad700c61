package org.wcstat.jobs.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1: one master and one worker (1 core, 1 GB), run as their own
 * JVMs from a Spark installation (a folder with jars/), as sbin/start-master.sh and start-worker.sh would.
 * Closing stops both.
 */
final class StandaloneCluster implements AutoCloseable {
    private final Path sparkHome;
    private final Path logs;
    private final List<String> jvmFlags;
    private final int masterPort = freePort();
    private Process master;
    private Process worker;

    StandaloneCluster(Path sparkHome, Path logs, String jvmFlags) {
        this.sparkHome = sparkHome;
        this.logs = logs;
        this.jvmFlags = Arrays.stream(jvmFlags.trim().split("\\s+")).toList();
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    StandaloneCluster start() throws Exception {
        if (!Files.isDirectory(sparkHome.resolve("jars"))) {
            throw new IllegalStateException(sparkHome + "/jars is missing; mvn verify assembles it (maven-dependency-plugin, pre-integration-test)");
        }
        Files.createDirectories(logs);
        // the launcher takes SPARK_HOME/jars for executors only in a release layout, which a RELEASE file marks
        Path release = sparkHome.resolve("RELEASE");
        if (!Files.exists(release)) {
            Files.writeString(release, "Spark 4.0.1, its jars from Maven Central\n");
        }
        master = java("master", List.of("org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(freePort())));
        awaitLog("master", "I have been elected leader", Duration.ofSeconds(60));
        worker = java("worker", List.of("org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                "--work-dir", logs.resolve("work").toString(), masterUrl()));
        awaitLog("worker", "Successfully registered with master", Duration.ofSeconds(60));
        return this;
    }

    /** spark-submit in client mode; returns the exit code, with the driver's output in logs/submit.log. */
    int submit(Path jar, String mainClass, List<String> conf, List<String> args, Map<String, String> env, Duration timeout) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl(),
                "--deploy-mode", "client", "--class", mainClass));
        for (String c : conf) {
            cmd.add("--conf");
            cmd.add(c);
        }
        cmd.add(jar.toString());
        cmd.addAll(args);
        ProcessBuilder pb = builder("submit", cmd);
        pb.environment().putAll(env);
        Process submit = pb.start();
        if (!submit.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            submit.destroyForcibly().waitFor();
            throw new IllegalStateException("spark-submit did not finish within " + timeout + "; see " + logs.resolve("submit.log"));
        }
        return submit.exitValue();
    }

    String log(String name) throws IOException {
        return Files.readString(logs.resolve(name + ".log"));
    }

    /** The end of a log, for a failure message. */
    String tail(String name) throws IOException {
        List<String> lines = Files.readAllLines(logs.resolve(name + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private Process java(String name, List<String> args) throws IOException {
        return builder(name, args).start();
    }

    private ProcessBuilder builder(String name, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.add("-Xmx1g");
        cmd.add("-cp");
        cmd.add(sparkHome.resolve("jars") + "/*");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(logs.toFile())
                .redirectOutput(logs.resolve(name + ".log").toFile());
        // the worker builds each executor's class path from SPARK_HOME/jars
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        // what bin/load-spark-env.sh sets in a distribution; without it the launcher looks for a source build
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb;
    }

    private void awaitLog(String name, String line, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        Path file = logs.resolve(name + ".log");
        while (Instant.now().isBefore(until)) {
            if (Files.exists(file) && Files.readString(file).contains(line)) return;
            Thread.sleep(250);
        }
        throw new IllegalStateException("the " + name + " did not log '" + line + "' within " + timeout + ":\n" + Files.readString(file));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : new Process[]{worker, master}) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
            }
        }
    }
}
