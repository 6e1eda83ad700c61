package org.wcstat.jobs.ingest;

import org.apache.spark.sql.SparkSession;
import org.wcstat.core.yaml.ConfigException;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Makes a driver named by jar in a source's YAML (jdbc.driver_jars) loadable by Spark's JDBC source.
 * Spark loads the driver class through the context class loader twice: on the calling thread when it
 * resolves the columns, and in every task that reads. The calling thread gets a class loader over the
 * jars for the duration of the call; the tasks get them as artifacts of the session.
 */
final class DriverJars {
    // one loader per jar list: Spark keeps the first driver instance it registers, so a new loader per read would only leak
    private static final Map<List<Path>, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private DriverJars() {
    }

    static <T> T around(SparkSession spark, List<Path> jars, Supplier<T> read) {
        if (jars.isEmpty()) {
            return read.get();
        }
        shipToTasks(spark, jars);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(LOADERS.computeIfAbsent(List.copyOf(jars), DriverJars::loader));
        try {
            return read.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** An instance of the source's driver class, from its jars when it names any, for a plain JDBC connection. */
    static Driver driver(List<Path> jars, String className, Path sourceFile) {
        ClassLoader loader = jars.isEmpty() ? DriverJars.class.getClassLoader() : LOADERS.computeIfAbsent(List.copyOf(jars), DriverJars::loader);
        try {
            return (Driver) Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new ConfigException(sourceFile + ": the JDBC driver " + className + " is not among wcstat's drivers"
                    + (jars.isEmpty() ? "; name the jar that holds it in jdbc.driver_jars" : " nor in " + jars)
                    + " (conf/README.md lists the bundled ones)");
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new ConfigException(sourceFile + ": " + className + " is not a JDBC driver (" + e + "): correct jdbc.driver");
        }
    }

    private static void shipToTasks(SparkSession spark, List<Path> jars) {
        // the session's own artifacts, not SparkContext.addJar: Spark 4 runs a session's SQL tasks with the
        // session's class loader, which sees only the jars added to the session (adding one twice is a no-op)
        for (Path jar : jars) {
            spark.addArtifact(jar.toAbsolutePath().toString());
        }
    }

    private static ClassLoader loader(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("driver jar " + jars.get(i) + ": " + e.getMessage(), e);
            }
        }
        return new URLClassLoader(urls, DriverJars.class.getClassLoader());
    }
}
