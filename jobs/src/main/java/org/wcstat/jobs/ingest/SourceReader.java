package org.wcstat.jobs.ingest;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.ingest.dialect.Dialects;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads one extract of a department's database for one or more years over JDBC, in parallel where configured,
 * with wcstat's dialects registered and the source's own driver jars, if it names any, loadable. Public for the
 * benchmark, which times the same reads written straight to Parquet as the floor under an ingest.
 */
public final class SourceReader implements ExtractReader {
    private final SparkSession spark;
    private final SourceConfig source;
    private final String url;
    private final String user;
    private final String password;

    public SourceReader(SparkSession spark, SourceConfig source, Path home, Map<String, String> env) {
        Dialects.registerOnce();
        this.spark = spark;
        this.source = source;
        SourceConfig.Jdbc jdbc = source.jdbc();
        this.url = Configuration.expand(jdbc.url(), home, env);
        this.user = jdbc.user() == null ? null : jdbc.user().resolve(env, source.department() + "'s database user");
        this.password = jdbc.password() == null ? null : jdbc.password().resolve(env, source.department() + "'s database password");
    }

    Dataset<Row> read(SourceConfig.Extract extract, int year) {
        return read(extract, List.of(year), List.of());
    }

    @Override
    public Dataset<Row> read(SourceConfig.Extract extract, List<Integer> years, List<String> checked) {
        DataFrameReader r = spark.read().format("jdbc")
                .option("url", url)
                .option("driver", source.jdbc().driver())
                .option("dbtable", "(" + SourceQuery.sql(extract, years, checked) + ") src")
                .option("fetchsize", String.valueOf(source.jdbc().fetchSize() == null ? 1000 : source.jdbc().fetchSize()));
        if (user != null) r = r.option("user", user);
        if (password != null) r = r.option("password", password);
        if (source.jdbc().properties() != null) {
            r = r.options(source.jdbc().properties());
        }
        SourceConfig.Partition p = extract.partition();
        if (p != null) {
            r = r.option("partitionColumn", p.column())
                    .option("lowerBound", String.valueOf(p.lower()))
                    .option("upperBound", String.valueOf(p.upper()))
                    .option("numPartitions", String.valueOf(p.partitions()));
        }
        return DriverJars.around(spark, source.jdbc().driverJarPaths(), r::load);
    }

    /** A database's rows are the query's: the load record needs nothing more. */
    @Override
    public String origin(SourceConfig.Extract extract, int year) {
        return null;
    }

    /** The URL without credentials, for messages. */
    @Override
    public String where() {
        return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }
}
