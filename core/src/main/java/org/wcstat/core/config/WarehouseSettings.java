package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfFolder;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.YamlLocator;
import org.wcstat.core.yaml.Yaml;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the warehouse's files live and which Iceberg catalog tracks its tables (conf/warehouse.yaml).
 * Without the file: a Hadoop catalog under {@code <home>/warehouse}, the embedded default.
 */
public record WarehouseSettings(
        @JsonProperty("catalog") String catalog,
        @JsonProperty("location") String location,
        @JsonProperty("jdbc") Jdbc jdbc,
        @JsonProperty("spark") Map<String, String> spark,
        @JsonProperty("maintenance") Maintenance maintenance,
        @JsonProperty("dissemination") Dissemination dissemination) implements Yaml.Validated {

    public static final String FILE = "warehouse.yaml";
    public static final String HADOOP = "hadoop";
    public static final String JDBC = "jdbc";

    /** The catalog's database: PostgreSQL in practice; credentials come from the environment or a secret file. */
    public record Jdbc(
            @JsonProperty(value = "url", required = true) String url,
            @JsonProperty("user") Secret user,
            @JsonProperty("password") Secret password) {
    }

    /**
     * What `wcstat maintain` keeps of each table's history: the snapshots younger than snapshot_age_days
     * and the last keep_last, besides those a tag holds (every release's), which are kept always.
     * Files no snapshot references are removed once older than snapshot_age_days too.
     */
    public record Maintenance(
            @JsonProperty("snapshot_age_days") Integer snapshotAgeDays,
            @JsonProperty("keep_last") Integer keepLast) {
        public static final int SNAPSHOT_AGE_DAYS = 7;
        public static final int KEEP_LAST = 5;

        public Maintenance {
            snapshotAgeDays = snapshotAgeDays == null ? SNAPSHOT_AGE_DAYS : snapshotAgeDays;
            keepLast = keepLast == null ? KEEP_LAST : keepLast;
        }
    }

    /**
     * The database each release is also loaded into for BI tools and Excel (docs/analysts.md): PostgreSQL, or
     * MariaDB/MySQL. Readers connect as reader_role, which is granted SELECT on the releases and nothing else.
     *
     * @param prefix put before every schema (database, on MariaDB) the releases make, for a server shared with others
     */
    public record Dissemination(
            @JsonProperty(value = "url", required = true) String url,
            @JsonProperty("user") Secret user,
            @JsonProperty("password") Secret password,
            @JsonProperty(value = "reader_role", required = true) String readerRole,
            @JsonProperty("prefix") String prefix) {
        static final String NAME = "[A-Za-z_][A-Za-z0-9_]{0,40}";

        public Dissemination {
            prefix = prefix == null ? "" : prefix;
        }
    }

    @JsonCreator
    public WarehouseSettings {
        catalog = catalog == null ? HADOOP : catalog;
        location = location == null ? "${home}/warehouse" : location;
        spark = spark == null ? Map.of() : Map.copyOf(new TreeMap<>(spark));
        maintenance = maintenance == null ? new Maintenance(null, null) : maintenance;
    }

    /** Settings with the default maintenance. */
    public WarehouseSettings(String catalog, String location, Jdbc jdbc, Map<String, String> spark) {
        this(catalog, location, jdbc, spark, null, null);
    }

    /** Settings without a dissemination database. */
    public WarehouseSettings(String catalog, String location, Jdbc jdbc, Map<String, String> spark, Maintenance maintenance) {
        this(catalog, location, jdbc, spark, maintenance, null);
    }

    /** The embedded default: a Hadoop catalog in the home's warehouse folder. */
    public static WarehouseSettings embedded() {
        return new WarehouseSettings(null, null, null, null, null, null);
    }

    /** conf/warehouse.yaml if the folder has one, else the embedded default. */
    public static WarehouseSettings load(Path confDir) {
        return load(ConfFolder.open(confDir));
    }

    /** As {@link #load(Path)}, for a configuration folder already opened. */
    public static WarehouseSettings load(ConfFolder conf) {
        Path file = conf.file(FILE);
        return Files.exists(file) ? Yaml.read(file, WarehouseSettings.class) : embedded();
    }

    @Override
    public void validate(Path file) {
        if (!catalog.equals(HADOOP) && !catalog.equals(JDBC)) {
            throw new ConfigException(YamlLocator.at(file, "catalog") + ": catalog '" + catalog + "' is not known; use hadoop (the default) or jdbc");
        }
        if (catalog.equals(JDBC) && jdbc == null) {
            throw new ConfigException(YamlLocator.at(file, "catalog") + ": catalog jdbc needs a jdbc: section with the catalog database's url, user and password");
        }
        if (catalog.equals(HADOOP) && jdbc != null) {
            throw new ConfigException(YamlLocator.atKey(file, "jdbc") + ": a jdbc: section is read only with catalog: jdbc; remove it or set catalog: jdbc");
        }
        if (jdbc != null && !jdbc.url().startsWith("jdbc:")) {
            throw new ConfigException(YamlLocator.at(file, "jdbc", "url") + ": jdbc.url '" + jdbc.url()
                    + "' must start with jdbc:, e.g. jdbc:postgresql://db:5432/wcstat_catalog");
        }
        if (maintenance.snapshotAgeDays() < 1) {
            // younger files may belong to a load or compute writing now: removing them would break its commit
            throw new ConfigException(YamlLocator.at(file, "maintenance", "snapshot_age_days") + ": maintenance.snapshot_age_days must be"
                    + " a whole number of days, at least 1, not " + maintenance.snapshotAgeDays() + "; files younger than it may belong"
                    + " to a load still writing (for a one-off on an idle warehouse: wcstat maintain --older-than 0)");
        }
        if (maintenance.keepLast() < 1) {
            throw new ConfigException(YamlLocator.at(file, "maintenance", "keep_last") + ": maintenance.keep_last must be at least 1"
                    + " (the current snapshot), not " + maintenance.keepLast() + "; e.g. keep_last: " + Maintenance.KEEP_LAST);
        }
        if (dissemination != null) {
            validate(file, dissemination);
        }
        for (String key : spark.keySet()) {
            if (!key.startsWith("spark.")) {
                throw new ConfigException(YamlLocator.atKey(file, "spark", key) + ": spark setting '" + key
                        + "' must start with spark., e.g. spark.hadoop.fs.s3a.endpoint");
            }
        }
    }

    private static void validate(Path file, Dissemination d) {
        if (!d.url().startsWith("jdbc:postgresql:") && !d.url().startsWith("jdbc:mariadb:") && !d.url().startsWith("jdbc:mysql:")) {
            throw new ConfigException(YamlLocator.at(file, "dissemination", "url") + ": dissemination.url '" + d.url()
                    + "' names no database wcstat can load a release into; use jdbc:postgresql://host:5432/wcstat_releases"
                    + " or jdbc:mariadb://host:3306/");
        }
        // both are written into GRANT and CREATE SCHEMA statements: plain names only
        if (!d.readerRole().matches(Dissemination.NAME)) {
            throw new ConfigException(YamlLocator.at(file, "dissemination", "reader_role") + ": reader_role '" + d.readerRole()
                    + "' must be a plain name of letters, digits and _ (not starting with a digit), e.g. wcstat_reader");
        }
        if (!d.prefix().isEmpty() && !d.prefix().matches(Dissemination.NAME)) {
            throw new ConfigException(YamlLocator.at(file, "dissemination", "prefix") + ": prefix '" + d.prefix()
                    + "' must be letters, digits and _ (not starting with a digit), e.g. wcstat_");
        }
    }

    /**
     * The warehouse's location as a URI Spark and Hadoop read: ${home} expanded, and a plain path made a
     * file: URI. The embedded default gives the same string for the same home, folder made or not.
     */
    public String locationUri(Path home) {
        String expanded = location.replace("${home}", home.toAbsolutePath().normalize().toString());
        if (hasScheme(expanded)) {
            return expanded.replaceAll("/$", "");
        }
        // Path.toUri() ends in '/' only once the folder exists
        return Path.of(expanded).toAbsolutePath().normalize().toUri().toString().replaceAll("/$", "");
    }

    public boolean isLocal(Path home) {
        return URI.create(locationUri(home)).getScheme().equals("file");
    }

    private static boolean hasScheme(String location) {
        // a drive-less absolute or relative path has no "scheme:" before its first '/'
        return location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }
}
