package org.wcstat.cli.demo;

import org.wcstat.core.config.SourceConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the demo writes, derived from the sources: for each database source, its database with the
 * tables its extracts read, each filled by its generator; for each file source, its returns. The
 * sources and the generators must agree both ways, so that the demo writes every table a source reads
 * and nothing that none reads.
 */
record DemoPlan(Map<String, List<DemoGenerators.Generator>> databases, Map<String, DemoGenerators.ReturnsWriter> returns) {

    /** Where every demo source's database is: the department's H2 file, which the demo writes. */
    static final String DATABASES = "jdbc:h2:file:${home}/departments/";

    /** The plan for the sources, with the demo's generators. */
    static DemoPlan of(List<SourceConfig> sources) {
        checkTheDemosDatabases(sources);
        Map<String, Set<String>> tablesRead = new LinkedHashMap<>();
        List<String> fileDepartments = new ArrayList<>();
        for (SourceConfig s : sources) {
            if (s.isFile()) fileDepartments.add(s.department());
            else tablesRead.put(s.department(), SourceTables.read(s).keySet());
        }
        return of(tablesRead, fileDepartments, DemoGenerators.ALL, DemoGenerators.RETURNS);
    }

    /**
     * The demo writes the embedded databases of its own sources (demo/conf); a source reading any other database (a
     * county's own) is not the demo's, and writing an H2 file beside it would only mislead.
     */
    static void checkTheDemosDatabases(List<SourceConfig> sources) {
        List<String> problems = new ArrayList<>();
        for (SourceConfig s : sources) {
            if (s.isFile()) continue;
            String expected = DATABASES + s.department();
            String url = s.jdbc().url();
            if (!(url.equals(expected) || url.startsWith(expected + ";"))) {
                problems.add(s.department() + "'s source reads " + url + ", not the demo's " + expected);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("wcstat demo writes the demo district's departments, which demo/conf reads;"
                    + " these sources read other databases, which the demo does not write (run the demo without --conf on a home"
                    + " without a conf/ of its own, or load these departments with wcstat run):\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * The plan for the tables each database department reads and the departments that send files;
     * every disagreement between them and the generators is named in one error.
     */
    static DemoPlan of(Map<String, Set<String>> tablesRead, List<String> fileDepartments,
                       List<DemoGenerators.Generator> generators, Map<String, DemoGenerators.ReturnsWriter> returnsWriters) {
        Map<String, DemoGenerators.Generator> byTable = DemoGenerators.byTable(generators);
        List<String> problems = new ArrayList<>();
        Map<String, String> readBy = new LinkedHashMap<>();
        Map<String, List<DemoGenerators.Generator>> databases = new LinkedHashMap<>();
        for (var d : tablesRead.entrySet()) {
            Set<DemoGenerators.Generator> used = new LinkedHashSet<>();
            for (String table : d.getValue()) {
                readBy.put(table, d.getKey());
                DemoGenerators.Generator g = byTable.get(table);
                if (g == null) {
                    problems.add("demo/conf/sources/" + d.getKey() + ".yaml reads table " + table + ", which no demo generator writes:"
                            + " add cli/src/main/resources/demo/tables/" + table + ".sql and its generator to DemoGenerators");
                } else {
                    used.add(g);
                }
            }
            databases.put(d.getKey(), List.copyOf(used));
        }
        for (DemoGenerators.Generator g : generators) {
            Set<String> departments = new LinkedHashSet<>();
            for (String table : g.tables()) {
                String department = readBy.get(table);
                if (department == null) {
                    problems.add(g + " writes table " + table + ", which no source in demo/conf/sources reads:"
                            + " add an extract reading it, or take the table out of DemoGenerators");
                } else {
                    departments.add(department);
                }
            }
            if (departments.size() > 1) {
                problems.add(g + " writes one database, but its tables are read by " + String.join(" and ", departments)
                        + ": split the generator, or read its tables from one department");
            }
        }
        Map<String, DemoGenerators.ReturnsWriter> returns = new LinkedHashMap<>();
        for (String department : fileDepartments) {
            DemoGenerators.ReturnsWriter w = returnsWriters.get(department);
            if (w == null) {
                problems.add("demo/conf/sources/" + department + ".yaml reads returns as files, which no demo generator writes:"
                        + " add its returns writer to DemoGenerators.RETURNS");
            } else {
                returns.put(department, w);
            }
        }
        for (String department : returnsWriters.keySet()) {
            if (!fileDepartments.contains(department)) {
                problems.add("the demo writes returns of " + department + ", but no source in demo/conf/sources reads " + department
                        + "'s returns as files: add demo/conf/sources/" + department + ".yaml with a file: section, or take it out of"
                        + " DemoGenerators.RETURNS");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the demo's generators and the sources disagree:\n  " + String.join("\n  ", problems));
        }
        return new DemoPlan(databases, returns);
    }
}
