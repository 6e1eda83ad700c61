package org.wcstat.jobs.ingest.dialect;

import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.apache.spark.sql.jdbc.NoopDialect$;

import java.util.List;

/**
 * The dialects wcstat brings for databases Spark has none for. Registered once per JVM, before the
 * first read, and each only while Spark itself does not handle the URL, so a Spark that gains a
 * dialect for it keeps its own.
 */
public final class Dialects {
    record Bundled(String sampleUrl, JdbcDialect dialect) {
    }

    private static final List<Bundled> BUNDLED = List.of(
            new Bundled("jdbc:dm://localhost:5236", new DamengDialect()),
            new Bundled("jdbc:mariadb://localhost:3306", new MariaDbDialect()));

    private static boolean registered;

    private Dialects() {
    }

    public static synchronized void registerOnce() {
        if (registered) {
            return;
        }
        for (Bundled b : BUNDLED) {
            if (JdbcDialects.get(b.sampleUrl()) == NoopDialect$.MODULE$) {
                JdbcDialects.registerDialect(b.dialect());
            }
        }
        registered = true;
    }
}
