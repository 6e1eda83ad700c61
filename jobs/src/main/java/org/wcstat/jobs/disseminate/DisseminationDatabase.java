package org.wcstat.jobs.disseminate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads releases into the dissemination database: a schema per release (release_2025, release_2025_r2 for revision 2)
 * and a schema latest with a view per table of the newest release. A release is written into a staging schema first,
 * which then becomes the release's; readers, granted only SELECT, never see a staging schema. A release already
 * loaded from the same manifest is left as it is.
 */
public final class DisseminationDatabase {
    static final String RELEASE_INFO = "release_info";
    private static final int BATCH = 500;

    /** What a load did. */
    public record Outcome(String schema, boolean loaded, boolean latestMoved, String latest, Map<String, Integer> rows) {
        public String summary() {
            StringBuilder b = new StringBuilder();
            if (loaded) {
                b.append("loaded ").append(schema).append(" into the dissemination database: ");
                List<String> counts = new ArrayList<>();
                rows.forEach((t, n) -> counts.add(t + " " + n));
                b.append(String.join(", ", counts));
            } else {
                b.append("the dissemination database already holds ").append(schema).append(" from the same manifest: nothing loaded");
            }
            b.append(latestMoved ? "; latest now shows " : "; latest shows ").append(latest);
            return b.toString();
        }
    }

    private final String url;
    private final String user;
    private final String password;
    private final String readerRole;
    private final String prefix;
    private final Dialect dialect;

    /** @param prefix put before every schema name: release_2025 becomes &lt;prefix&gt;release_2025 */
    public DisseminationDatabase(String url, String user, String password, String readerRole, String prefix) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.readerRole = readerRole;
        this.prefix = prefix;
        this.dialect = Dialect.of(url);
    }

    /** The schema a release's revision gets: release_2025, release_2025_r2 … */
    public String schema(int year, int revision) {
        return prefix + "release_" + year + (revision > 1 ? "_r" + revision : "");
    }

    public String latest() {
        return prefix + "latest";
    }

    public Outcome load(ReleaseFolder release, List<Table> dimensions) {
        String target = schema(release.year(), release.revision());
        String staging = prefix + "staging_" + target.substring(prefix.length());
        List<Table> tables = new ArrayList<>(release.tables());
        tables.addAll(dimensions);
        tables.add(info(release, target));
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (Table t : tables) rows.put(t.name(), t.rows().size());
        try (Connection c = connect()) {
            if (!dialect.roleExists(c, readerRole)) {
                throw new DisseminationException("the reading role " + readerRole + " (dissemination.reader_role in conf/warehouse.yaml)"
                        + " does not exist in the dissemination database; have its administrator create it, e.g. "
                        + dialect.createRoleHint(readerRole) + ", then run wcstat disseminate --year " + release.year());
            }
            Optional<String> loadedFrom = manifestOf(c, target);
            boolean loaded = loadedFrom.isEmpty();
            if (loadedFrom.isPresent() && !loadedFrom.get().equals(release.manifestSha256())) {
                throw new DisseminationException(target + " in the dissemination database was loaded from another manifest (sha256 "
                        + loadedFrom.get() + ") than " + release.dir().resolve(ReleaseFolder.MANIFEST) + " (" + release.manifestSha256()
                        + "): a loaded release is never changed in place. If this folder is the release meant, drop the schema ("
                        + dialect.dropSchema(target) + ") and load again");
            }
            if (loaded) stage(c, staging, tables);
            c.setAutoCommit(false);
            try {
                if (loaded) {
                    for (String sql : dialect.install(staging, target, tables.stream().map(Table::name).toList())) execute(c, sql);
                    for (String sql : dialect.grantRead(target, readerRole)) execute(c, sql);
                }
                String newest = newest(c);
                boolean moved = moveLatest(c, newest);
                c.commit();
                return new Outcome(target, loaded, moved, newest, rows);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DisseminationException("cannot load the " + release.year() + " release (revision " + release.revision()
                    + ") into the dissemination database: " + e.getMessage() + "; readers still see what they saw before."
                    + " Fix the cause and run wcstat disseminate --year " + release.year(), e);
        }
    }

    private Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            // the message, never the URL: it may carry a password
            throw new SQLException("cannot connect as " + user + " (dissemination.url, user and password in conf/warehouse.yaml): "
                    + e.getMessage(), e);
        }
    }

    /** The release's tables in a schema of their own, committed, readers granted nothing on it yet. */
    private void stage(Connection c, String staging, List<Table> tables) throws SQLException {
        c.setAutoCommit(true);
        execute(c, dialect.dropSchema(staging));
        execute(c, dialect.createSchema(staging, false));
        for (Table t : tables) {
            List<String> defs = new ArrayList<>();
            for (int i = 0; i < t.columns().size(); i++) {
                Table.Column col = t.columns().get(i);
                defs.add(dialect.quote(col.name()) + " " + dialect.type(col.type(), maxLength(t, i)));
            }
            execute(c, "CREATE TABLE " + dialect.name(staging, t.name()) + " (" + String.join(", ", defs) + ")");
            insert(c, staging, t);
        }
    }

    private void insert(Connection c, String schema, Table t) throws SQLException {
        List<String> names = t.columns().stream().map(col -> dialect.quote(col.name())).toList();
        String sql = "INSERT INTO " + dialect.name(schema, t.name()) + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : t.rows()) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) s.setNull(i + 1, sqlType(t.columns().get(i).type()));
                    else s.setObject(i + 1, row[i]);
                }
                s.addBatch();
                if (++pending == BATCH) {
                    s.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) s.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Points latest at the newest release: a view per table, and none for a table the newest has not. Nothing changes
     * when it already does, so loading a release again leaves the database as it was.
     */
    private boolean moveLatest(Connection c, String newest) throws SQLException {
        String latest = latest();
        Set<String> tables = new TreeSet<>(relations(c, newest, "BASE TABLE"));
        Set<String> views = new TreeSet<>(relations(c, latest, "VIEW"));
        if (views.equals(tables) && newest.equals(latestTarget(c))) return false;
        execute(c, dialect.createSchema(latest, true));
        for (String t : tables) for (String sql : dialect.replaceView(latest, t, newest)) execute(c, sql);
        for (String v : views) if (!tables.contains(v)) execute(c, "DROP VIEW IF EXISTS " + dialect.name(latest, v));
        for (String sql : dialect.grantRead(latest, readerRole)) execute(c, sql);
        return true;
    }

    /** The release schema latest shows now, by its release_info view; none before the first load. */
    private String latestTarget(Connection c) throws SQLException {
        if (!relations(c, latest(), "VIEW").contains(RELEASE_INFO)) return null;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT schema_name FROM " + dialect.name(latest(), RELEASE_INFO))) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /** The newest release loaded: the latest year, and of it the highest revision. */
    private String newest(Connection c) throws SQLException {
        Pattern release = Pattern.compile(Pattern.quote(prefix) + "release_(\\d{4})(?:_r(\\d+))?");
        List<String> schemas = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT schema_name FROM information_schema.schemata")) {
            while (r.next()) if (release.matcher(r.getString(1)).matches()) schemas.add(r.getString(1));
        }
        return schemas.stream().max(Comparator.comparingLong(name -> {
            Matcher m = release.matcher(name);
            m.matches();
            return Long.parseLong(m.group(1)) * 1_000_000 + (m.group(2) == null ? 1 : Long.parseLong(m.group(2)));
        })).orElseThrow(() -> new IllegalStateException("no release schema after loading one"));
    }

    private Optional<String> manifestOf(Connection c, String schema) throws SQLException {
        if (!relations(c, schema, "BASE TABLE").contains(RELEASE_INFO)) return Optional.empty();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT manifest_sha256 FROM " + dialect.name(schema, RELEASE_INFO))) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    private static Set<String> relations(Connection c, String schema, String type) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = ?")) {
            s.setString(1, schema);
            s.setString(2, type);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) names.add(r.getString(1));
            }
        }
        return names;
    }

    private static Table info(ReleaseFolder release, String schema) {
        return new Table(RELEASE_INFO, List.of(new Table.Column("year", Table.Type.INTEGER), new Table.Column("revision", Table.Type.INTEGER),
                new Table.Column("published_at", Table.Type.TEXT), new Table.Column("manifest_sha256", Table.Type.TEXT),
                new Table.Column("schema_name", Table.Type.TEXT)),
                List.<Object[]>of(new Object[]{release.year(), release.revision(), release.publishedAt(), release.manifestSha256(), schema}));
    }

    private static int maxLength(Table t, int column) {
        int max = 0;
        for (Object[] r : t.rows()) if (r[column] instanceof String s) max = Math.max(max, s.length());
        return max;
    }

    private static int sqlType(Table.Type type) {
        return switch (type) {
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case TEXT -> Types.VARCHAR;
        };
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
