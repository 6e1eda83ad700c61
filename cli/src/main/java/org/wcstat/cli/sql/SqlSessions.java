package org.wcstat.cli.sql;

import org.apache.spark.sql.SparkSession;

/** A Spark session of its own for one user of `wcstat sql`: the warehouse seen through the role and release. */
public final class SqlSessions {
    private static final String WH = "spark.sql.catalog.wh";

    private SqlSessions() {
    }

    /**
     * A new session over the JVM's SparkContext: its own catalog instances, so a role or a release set
     * here never reaches the jobs' session. Tables are named with or without wh., e.g. indicators.value.
     */
    public static SparkSession open(SparkSession base, Role role, Integer release) {
        SparkSession s = base.newSession();
        s.conf().set(WH, ScopedCatalog.class.getName());
        s.conf().set(WH + "." + ScopedCatalog.ROLE, role.option());
        if (release != null) {
            s.conf().set(WH + "." + ScopedCatalog.RELEASE, String.valueOf(release));
        }
        s.conf().set("spark.sql.defaultCatalog", "wh");
        if (role != Role.BUREAU) {
            // SELECT * FROM parquet.`<warehouse>/raw/...` would read files around the catalog
            s.conf().set("spark.sql.runSQLOnFiles", "false");
        }
        return s;
    }
}
