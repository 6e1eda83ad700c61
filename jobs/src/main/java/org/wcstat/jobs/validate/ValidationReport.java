package org.wcstat.jobs.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a department's load found, for the bureau to send back to the department: a CSV of every
 * breach (one per row or group), and an HTML page with the outcome, each extract's counts and the breaches
 * grouped by rule. Written under &lt;home&gt;/reports/&lt;year&gt;/validation/&lt;department&gt;.{csv,html}.
 */
public final class ValidationReport {
    /** One extract's counts. */
    public record ExtractCounts(String extract, long read, long loaded, long quarantined) {
    }

    private static final int HTML_ROWS_PER_RULE = 200;

    private final String department;
    private final String departmentName;
    private final int year;
    private final String loadId;
    private final List<ExtractCounts> counts = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    public ValidationReport(String department, String departmentName, int year, String loadId) {
        this.department = department;
        this.departmentName = departmentName;
        this.year = year;
        this.loadId = loadId;
    }

    public void counts(ExtractCounts c) {
        counts.add(c);
    }

    public void add(Finding f) {
        findings.add(f);
    }

    public void addAll(List<Finding> fs) {
        findings.addAll(fs);
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public static Path csv(Path home, int year, String department) {
        return home.resolve("reports").resolve(String.valueOf(year)).resolve("validation").resolve(department + ".csv");
    }

    public static Path html(Path home, int year, String department) {
        return csv(home, year, department).resolveSibling(department + ".html");
    }

    /** Writes both files, replacing an earlier report of the same year; returns the HTML's path. */
    public Path write(Path home, String outcome) {
        Path csv = csv(home, year, department);
        Path html = html(home, year, department);
        try {
            Files.createDirectories(csv.getParent());
            Files.writeString(csv, csv(), StandardCharsets.UTF_8);
            Files.writeString(html, html(outcome), StandardCharsets.UTF_8);
            return html;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the validation report " + csv + ": " + e.getMessage(), e);
        }
    }

    String csv() {
        StringBuilder b = new StringBuilder("\uFEFF"); // a BOM, so Excel reads the Chinese text as UTF-8
        b.append("department,year,extract,row_key,rule,kind,importance,action,reason\r\n");
        for (Finding f : findings) {
            b.append(String.join(",", cell(department), String.valueOf(year), cell(f.extract()), cell(f.rowKey()), cell(f.rule()),
                    cell(f.kind()), cell(f.importance()), cell(f.action()), cell(f.reason()))).append("\r\n");
        }
        return b.toString();
    }

    String html(String outcome) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>数据校验报告 Validation report · ")
                .append(esc(departmentName)).append(' ').append(year).append("</title>\n<style>body{font-family:sans-serif;margin:2em}")
                .append("table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #999;padding:2px 8px;text-align:left}")
                .append(".high{color:#b00}</style></head><body>\n");
        b.append("<h1>数据校验报告 Validation report</h1>\n<p>").append(esc(departmentName)).append(" (").append(esc(department))
                .append("), ").append(year).append(" — load ").append(esc(loadId)).append("</p>\n<p><strong>")
                .append(esc(outcome)).append("</strong></p>\n");
        b.append("<h2>Extracts</h2>\n<table><tr><th>extract</th><th>rows read</th><th>loaded</th><th>quarantined</th></tr>\n");
        for (ExtractCounts c : counts) {
            b.append("<tr><td>").append(esc(c.extract())).append("</td><td>").append(c.read()).append("</td><td>").append(c.loaded())
                    .append("</td><td>").append(c.quarantined()).append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (findings.isEmpty()) {
            b.append("<p>Every rule holds. 全部校验规则通过。</p>\n");
        }
        Map<String, List<Finding>> byRule = findings.stream()
                .collect(Collectors.groupingBy(f -> f.extract() + " · " + f.rule(), LinkedHashMap::new, Collectors.toList()));
        for (var e : byRule.entrySet()) {
            Finding first = e.getValue().get(0);
            b.append("<h2 class=\"").append(esc(first.importance())).append("\">").append(esc(e.getKey())).append(" — ")
                    .append(e.getValue().size()).append(" finding(s), ").append(esc(first.kind())).append(", importance ")
                    .append(esc(first.importance())).append(", action ").append(esc(first.action())).append("</h2>\n");
            b.append("<table><tr><th>row / group</th><th>what is wrong</th></tr>\n");
            for (Finding f : e.getValue().subList(0, Math.min(HTML_ROWS_PER_RULE, e.getValue().size()))) {
                b.append("<tr><td>").append(esc(f.rowKey())).append("</td><td>").append(esc(f.reason())).append("</td></tr>\n");
            }
            b.append("</table>\n");
            if (e.getValue().size() > HTML_ROWS_PER_RULE) {
                b.append("<p>… and ").append(e.getValue().size() - HTML_ROWS_PER_RULE).append(" more: see ").append(esc(department))
                        .append(".csv</p>\n");
            }
        }
        return b.append("</body></html>\n").toString();
    }

    private static String cell(String s) {
        String v = s == null ? "" : s;
        return v.matches(".*[\",\r\n].*") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
