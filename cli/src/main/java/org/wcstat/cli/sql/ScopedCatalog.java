package org.wcstat.cli.sql;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.spark.SparkCatalog;
import org.apache.iceberg.spark.source.SparkTable;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.catalog.procedures.UnboundProcedure;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.util.Arrays;
import java.util.Map;

/**
 * The warehouse's Iceberg catalog as one user of `wcstat sql` sees it: a role hides the namespaces it may
 * not read (for every statement, metadata tables and procedures included), and a release pins every
 * table to the snapshot tagged when that year's yearbook was published.
 * Options, beside Iceberg's own: {@code wcstat.role} (analyst, bureau) and {@code wcstat.release} (a year).
 */
public class ScopedCatalog extends SparkCatalog {
    public static final String ROLE = "wcstat.role";
    public static final String RELEASE = "wcstat.release";

    private Role role = Role.ANALYST;
    private Integer release;

    @Override
    protected org.apache.iceberg.catalog.Catalog buildIcebergCatalog(String name, CaseInsensitiveStringMap options) {
        // initialize() is final in SparkCatalog; this is the hook that sees the options first
        role = Role.of(options.getOrDefault(ROLE, Role.ANALYST.option()));
        String r = options.get(RELEASE);
        release = r == null ? null : Integer.valueOf(r);
        return super.buildIcebergCatalog(name, options);
    }

    public static String releaseTag(int year) {
        return "release-" + year;
    }

    private void check(Identifier ident) {
        if (role.hides(ident.namespace())) {
            throw new HiddenTableException(String.join(".", ident.namespace()) + "." + ident.name());
        }
    }

    private void checkNamespace(String[] namespace) {
        if (role.hides(namespace)) {
            throw new HiddenTableException(String.join(".", namespace) + ".*");
        }
    }

    @Override
    public Table loadTable(Identifier ident) throws NoSuchTableException {
        check(ident);
        if (release == null) {
            return super.loadTable(ident);
        }
        String tag = releaseTag(release);
        Table table = super.loadTable(ident);
        Snapshot tagged = table instanceof SparkTable t ? t.table().snapshot(tag) : null;
        if (tagged == null) {
            throw new NotInReleaseException(String.join(".", ident.namespace()) + "." + ident.name(), tag, release);
        }
        return ((SparkTable) table).copyWithSnapshotId(tagged.snapshotId());
    }

    @Override
    public Table loadTable(Identifier ident, String version) throws NoSuchTableException {
        check(ident);
        refuseTimeTravelInRelease();
        return super.loadTable(ident, version);
    }

    @Override
    public Table loadTable(Identifier ident, long timestamp) throws NoSuchTableException {
        check(ident);
        refuseTimeTravelInRelease();
        return super.loadTable(ident, timestamp);
    }

    private void refuseTimeTravelInRelease() {
        if (release != null) {
            throw new ScopeException("--as-of-release " + release + " already fixes every table's snapshot; "
                    + "leave out VERSION AS OF / TIMESTAMP AS OF, or run without --as-of-release");
        }
    }

    @Override
    public Identifier[] listTables(String[] namespace) {
        checkNamespace(namespace);
        return super.listTables(namespace);
    }

    @Override
    public String[][] listNamespaces() {
        return Arrays.stream(super.listNamespaces()).filter(ns -> !role.hides(ns)).toArray(String[][]::new);
    }

    @Override
    public String[][] listNamespaces(String[] namespace) throws NoSuchNamespaceException {
        checkNamespace(namespace);
        return super.listNamespaces(namespace);
    }

    @Override
    public Map<String, String> loadNamespaceMetadata(String[] namespace) throws NoSuchNamespaceException {
        checkNamespace(namespace);
        return super.loadNamespaceMetadata(namespace);
    }

    @Override
    public Table createTable(Identifier ident, StructType schema, Transform[] partitions, Map<String, String> properties)
            throws TableAlreadyExistsException {
        check(ident);
        return super.createTable(ident, schema, partitions, properties);
    }

    @Override
    public Table alterTable(Identifier ident, TableChange... changes) throws NoSuchTableException {
        check(ident);
        return super.alterTable(ident, changes);
    }

    @Override
    public boolean dropTable(Identifier ident) {
        check(ident);
        return super.dropTable(ident);
    }

    @Override
    public boolean purgeTable(Identifier ident) {
        check(ident);
        return super.purgeTable(ident);
    }

    @Override
    public void renameTable(Identifier from, Identifier to) throws NoSuchTableException, TableAlreadyExistsException {
        check(from);
        check(to);
        super.renameTable(from, to);
    }

    @Override
    public UnboundProcedure loadProcedure(Identifier ident) {
        // Iceberg's procedures take table names as strings, which no check above sees
        if (role != Role.BUREAU) {
            throw new HiddenTableException("the procedure " + ident.name() + " (procedures act on any table, raw.* too)");
        }
        return super.loadProcedure(ident);
    }
}
