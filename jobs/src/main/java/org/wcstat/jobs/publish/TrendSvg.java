package org.wcstat.jobs.publish;

import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.catalog.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.wcstat.jobs.publish.Html.esc;

/**
 * A key indicator's trend as an SVG line chart for the printable yearbook, drawn as vectors by the PDF renderer: the
 * total and, where published, women and men by year, the target as a dashed line, withheld and missing years as gaps
 * (never as zeros).
 */
final class TrendSvg {
    static final int WIDTH = 360;
    static final int HEIGHT = 200;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 14;
    private static final int BOTTOM = 40;
    /** The total first, then women and men: the colours the web report's charts use. */
    private static final String[] COLOURS = {"#1f4e79", "#c0504d", "#4f81bd"};

    private final YearbookTables tables;

    TrendSvg(YearbookTables tables) {
        this.tables = tables;
    }

    String chart(Indicator ind) {
        List<Integer> years = tables.years();
        List<YearbookTables.Line> lines = tables.trend(ind);
        Target target = tables.catalog.get(ind.code()).target();
        Double goal = target == null ? null : target.value();
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (YearbookTables.Line l : lines) {
            for (int y : years) {
                Double v = value(l, y);
                if (v != null) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (goal != null) {
            lo = Math.min(lo, goal);
            hi = Math.max(hi, goal);
        }
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\">");
        if (lo == Double.MAX_VALUE) {
            return s.append(text(WIDTH / 2.0, HEIGHT / 2.0, "middle", tables.labels.text("无公布数据", "no published value"))).append("</svg>").toString();
        }
        // a little room above and below, and a flat series still gets a band to sit in
        double pad = hi > lo ? (hi - lo) * 0.1 : Math.max(Math.abs(hi) * 0.1, 1);
        double min = Math.min(0, lo) >= 0 && lo - pad < 0 ? 0 : lo - pad;
        double max = hi + pad;
        Scale x = new Scale(years.get(0), years.get(years.size() - 1), LEFT, WIDTH - RIGHT);
        Scale yScale = new Scale(min, max, HEIGHT - BOTTOM, TOP);
        s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(WIDTH - LEFT - RIGHT)
                .append("\" height=\"").append(HEIGHT - TOP - BOTTOM).append("\" fill=\"none\" stroke=\"#999\" stroke-width=\"0.5\"/>");
        for (double tick : new double[] {min, (min + max) / 2, max}) {
            s.append(text(LEFT - 4, yScale.at(tick) + 3, "end", org.wcstat.core.stats.Printed.text(tick, 2)));
        }
        for (int i = 0; i < years.size(); i += Math.max(1, years.size() / 6)) {
            s.append(text(x.at(years.get(i)), HEIGHT - BOTTOM + 12, "middle", String.valueOf(years.get(i))));
        }
        if (goal != null) {
            s.append("<line x1=\"").append(f(LEFT)).append("\" x2=\"").append(f(WIDTH - RIGHT)).append("\" y1=\"").append(f(yScale.at(goal)))
                    .append("\" y2=\"").append(f(yScale.at(goal))).append("\" stroke=\"#2e7d32\" stroke-width=\"1\" stroke-dasharray=\"4,3\"/>");
        }
        int legendX = LEFT;
        for (int li = 0; li < lines.size(); li++) {
            YearbookTables.Line l = lines.get(li);
            String colour = COLOURS[li % COLOURS.length];
            for (List<double[]> run : runs(l, years, x, yScale)) {
                if (run.size() == 1) {
                    s.append("<circle cx=\"").append(f(run.get(0)[0])).append("\" cy=\"").append(f(run.get(0)[1]))
                            .append("\" r=\"2\" fill=\"").append(colour).append("\"/>");
                    continue;
                }
                StringBuilder points = new StringBuilder();
                for (double[] p : run) points.append(f(p[0])).append(',').append(f(p[1])).append(' ');
                s.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                        .append(points.toString().trim()).append("\"/>");
            }
            s.append("<rect x=\"").append(legendX).append("\" y=\"").append(HEIGHT - 14).append("\" width=\"10\" height=\"3\" fill=\"")
                    .append(colour).append("\"/>").append(text(legendX + 13, HEIGHT - 10, "start", l.name()));
            legendX += 14 + 7 * l.name().length() + 18;
        }
        // the target's label sits on its line, at the right, clear of the legend
        if (goal != null) {
            s.append(text(WIDTH - RIGHT - 3, yScale.at(goal) - 3, "end", tables.labels.text("目标", "target") + " " + org.wcstat.core.stats.Printed.text(goal, 2)));
        }
        return s.append("</svg>").toString();
    }

    /** The line's published values as runs of consecutive years: a withheld or missing year breaks the line. */
    private static List<List<double[]>> runs(YearbookTables.Line l, List<Integer> years, Scale x, Scale y) {
        List<List<double[]>> runs = new ArrayList<>();
        List<double[]> run = new ArrayList<>();
        for (int year : years) {
            Double v = value(l, year);
            if (v == null) {
                if (!run.isEmpty()) runs.add(run);
                run = new ArrayList<>();
                continue;
            }
            run.add(new double[] {x.at(year), y.at(v)});
        }
        if (!run.isEmpty()) runs.add(run);
        return runs;
    }

    private static Double value(YearbookTables.Line l, int year) {
        PublishedValue v = l.values().get(year);
        return v == null || v.suppressed() ? null : v.value();
    }

    private static String text(double x, double y, String anchor, String text) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor
                + "\" font-family=\"yearbook, yearbook-symbols\" font-size=\"9\" fill=\"#333\">" + esc(text) + "</text>";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A linear map from data to drawing coordinates. */
    private record Scale(double from, double to, double start, double end) {
        double at(double v) {
            return to == from ? (start + end) / 2 : start + (v - from) / (to - from) * (end - start);
        }
    }
}
