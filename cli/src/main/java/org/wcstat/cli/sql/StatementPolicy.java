package org.wcstat.cli.sql;

import org.apache.spark.sql.catalyst.analysis.UnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeFunction;
import org.apache.spark.sql.catalyst.plans.logical.DescribeNamespace;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.DropTable;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.SetCatalogAndNamespace;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowCreateTable;
import org.apache.spark.sql.catalyst.plans.logical.ShowFunctions;
import org.apache.spark.sql.catalyst.plans.logical.ShowNamespaces;
import org.apache.spark.sql.catalyst.plans.logical.ShowPartitions;
import org.apache.spark.sql.catalyst.plans.logical.ShowTableProperties;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowTablesExtended;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.execution.command.ShowCatalogsCommand;
import org.apache.spark.sql.execution.command.ShowCurrentNamespaceCommand;
import scala.Option;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a statement may do, decided from Spark's parsed plan before it runs: an allow-list, not a deny-list.
 * Reading statements — queries, SHOW, DESCRIBE, EXPLAIN of a query, USE, and SET of a few harmless session
 * options — run for every role. Anything else changes the warehouse or the session's reach (DML, DDL, a view
 * over files, CACHE, ADD JAR, LOAD DATA, REFRESH, CALL, RESET, SET of other options): refused for analysts,
 * and for the bureau only run with {@code --allow-writes}; dropping a table whose catalog would delete its
 * files also needs {@code --purge}.
 */
public final class StatementPolicy {
    /** Session options an analyst may set: they change how results look or how fast they come, not what is read. */
    public static final Set<String> SETTABLE = Set.of("spark.sql.session.timeZone", "spark.sql.ansi.enabled",
            "spark.sql.shuffle.partitions", "spark.sql.adaptive.enabled");
    /** Spark's file sources: a relation named {@code parquet.`/path`} reads files around the catalog. */
    private static final Set<String> FILE_FORMATS = Set.of("parquet", "orc", "csv", "json", "text", "avro", "binaryfile", "delta", "iceberg");

    /** How a statement may be run. */
    public record Verdict(boolean reads, List<String> changes, String refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    private final Role role;
    private final boolean allowWrites;
    private final boolean purge;
    private final boolean dropDeletesFiles;

    /**
     * @param dropDeletesFiles whether the catalog deletes a table's files when it drops it (Iceberg's Hadoop
     *                         catalog always does: its tables are its folders)
     */
    public StatementPolicy(Role role, boolean allowWrites, boolean purge, boolean dropDeletesFiles) {
        this.role = role;
        this.allowWrites = allowWrites;
        this.purge = purge;
        this.dropDeletesFiles = dropDeletesFiles;
    }

    public Verdict check(ParserInterface parser, String sql) {
        LogicalPlan plan;
        try {
            plan = parser.parsePlan(sql);
        } catch (org.apache.spark.sql.catalyst.parser.ParseException | RuntimeException e) {
            // Spark reports its own syntax error when the statement runs
            return new Verdict(true, List.of(), null);
        }
        String fileRead = fileRelation(plan);
        if (fileRead != null) {
            return refuse(plan, "it reads files by path (" + fileRead + "), around the warehouse's catalog; name the table instead,"
                    + " e.g. indicators.value");
        }
        if (reads(plan)) {
            return new Verdict(true, List.of(), null);
        }
        List<String> targets = targets(plan);
        if (role != Role.BUREAU) {
            return refuse(plan, "the analyst role only reads: SELECT/WITH, SHOW, DESCRIBE, EXPLAIN and SET of "
                    + String.join(", ", SETTABLE.stream().sorted().toList()) + " (docs/analysts.md)");
        }
        if (!allowWrites) {
            return refuse(plan, "it would change " + (targets.isEmpty() ? "the warehouse or the session" : String.join(", ", targets))
                    + "; run wcstat sql --role bureau --allow-writes to change the warehouse on purpose");
        }
        if (plan instanceof DropTable drop && (drop.purge() || dropDeletesFiles) && !purge) {
            return refuse(plan, "dropping " + String.join(", ", targets) + " here deletes its files and its whole history"
                    + (drop.purge() ? "" : " (this warehouse's Hadoop catalog keeps a table's files in the table's folder)")
                    + "; add --purge if that is what you want");
        }
        return new Verdict(false, targets, null);
    }

    private static Verdict refuse(LogicalPlan plan, String why) {
        return new Verdict(false, List.of(), "refused, nothing was run: " + describe(plan) + " — " + why);
    }

    /** A reading statement: a query, or one of the SHOW/DESCRIBE/EXPLAIN/USE/SET forms that only look. */
    private static boolean reads(LogicalPlan plan) {
        if (plan instanceof ExplainCommand explain) return reads(explain.logicalPlan());
        if (plan instanceof DescribeQueryCommand describe) return isQuery(describe.plan());
        if (plan instanceof SetCommand set) return harmless(set.kv());
        return plan instanceof ShowTables || plan instanceof ShowTablesExtended || plan instanceof ShowNamespaces
                || plan instanceof ShowColumns || plan instanceof ShowTableProperties || plan instanceof ShowCreateTable
                || plan instanceof ShowFunctions || plan instanceof ShowViews || plan instanceof ShowPartitions
                || plan instanceof ShowCatalogsCommand || plan instanceof ShowCurrentNamespaceCommand
                || plan instanceof DescribeRelation || plan instanceof DescribeColumn || plan instanceof DescribeNamespace
                || plan instanceof DescribeFunction || plan instanceof SetCatalogAndNamespace
                || isQuery(plan);
    }

    /** SET alone or SET -v lists, SET key shows; SET key=value only for the options of {@link #SETTABLE}. */
    private static boolean harmless(Option<Tuple2<String, Option<String>>> kv) {
        if (kv.isEmpty() || kv.get()._2().isEmpty()) return true;
        return SETTABLE.contains(kv.get()._1().strip());
    }

    /**
     * A query: no node anywhere in it — subqueries and common table expressions included — is a command, a
     * parsed statement (INSERT) or a procedure call, the node kinds that act rather than read.
     */
    private static boolean isQuery(LogicalPlan plan) {
        for (LogicalPlan node : nodes(plan)) {
            if (node instanceof Command || node instanceof ParsedStatement
                    || node.getClass().getSimpleName().equals("Call")) {
                return false;
            }
        }
        return true;
    }

    /** The first relation read by path, as written, if any. */
    private static String fileRelation(LogicalPlan plan) {
        for (LogicalPlan node : nodes(plan)) {
            if (node instanceof UnresolvedRelation r) {
                List<String> parts = CollectionConverters.asJava(r.multipartIdentifier());
                if (parts.size() == 2 && FILE_FORMATS.contains(parts.get(0).toLowerCase(Locale.ROOT))) {
                    return parts.get(0) + ".`" + parts.get(1) + "`";
                }
            }
        }
        return null;
    }

    /** The tables a statement names, as the user wrote them: what a change would touch. */
    private static List<String> targets(LogicalPlan plan) {
        Set<String> names = new LinkedHashSet<>();
        for (LogicalPlan node : nodes(plan)) {
            scala.collection.immutable.Seq<String> parts = node instanceof UnresolvedRelation r ? r.multipartIdentifier()
                    : node instanceof UnresolvedTable t ? t.multipartIdentifier()
                    : node instanceof UnresolvedTableOrView t ? t.multipartIdentifier()
                    : node instanceof UnresolvedIdentifier i ? i.nameParts()
                    : null;
            if (parts != null) names.add(String.join(".", CollectionConverters.asJava(parts)));
        }
        return List.copyOf(names);
    }

    /** Every node of the plan: its children, inner children (CTEs) and the plans of subquery expressions. */
    private static List<LogicalPlan> nodes(LogicalPlan root) {
        List<LogicalPlan> out = new ArrayList<>();
        List<LogicalPlan> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            LogicalPlan node = todo.remove(todo.size() - 1);
            out.add(node);
            todo.addAll(CollectionConverters.asJava(node.children()));
            for (Object inner : CollectionConverters.asJava(node.innerChildren())) {
                if (inner instanceof LogicalPlan p) todo.add(p);
            }
            for (Expression e : CollectionConverters.asJava(node.expressions())) {
                subqueries(e, todo);
            }
        }
        return out;
    }

    private static void subqueries(Expression e, List<LogicalPlan> todo) {
        if (e instanceof SubqueryExpression s) todo.add(s.plan());
        for (Expression child : CollectionConverters.asJava(e.children())) subqueries(child, todo);
    }

    /** The statement as a user would name it: DELETE, DROP TABLE, CREATE TEMPORARY VIEW … USING. */
    private static String describe(LogicalPlan plan) {
        String name = plan.getClass().getSimpleName().replace("$", "");
        return switch (name) {
            case "DeleteFromTable" -> "DELETE";
            case "UpdateTable" -> "UPDATE";
            case "MergeIntoTable" -> "MERGE";
            case "InsertIntoStatement" -> "INSERT";
            case "DropTable" -> "DROP TABLE";
            case "CreateTempViewUsing" -> "CREATE TEMPORARY VIEW … USING";
            case "CreateViewCommand", "CreateView" -> "CREATE VIEW";
            case "CacheTable" -> "CACHE TABLE";
            case "AddJarsCommand" -> "ADD JAR";
            case "AddFilesCommand" -> "ADD FILE";
            case "AddArchivesCommand" -> "ADD ARCHIVE";
            case "LoadData" -> "LOAD DATA";
            case "RefreshTable", "RefreshResource" -> "REFRESH";
            case "Call" -> "CALL";
            case "SetCommand" -> "SET of that option";
            case "ResetCommand" -> "RESET";
            default -> name.replaceAll("(Command|Statement)$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
        };
    }
}
