package org.wcstat.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/** --name value options of the benchmark's commands, and the connection to the benchmark's PostgreSQL. */
final class Options {
    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args, Map<String, String> defaults) {
        Map<String, String> v = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            String name = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            v.put(name, flag ? "true" : args[++i]);
        }
        return new Options(v);
    }

    String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalArgumentException("--" + name + " is required");
        return v;
    }

    /** "2022-2024" or "2024". */
    static int[] years(String text) {
        String[] p = text.split("-");
        int from = Integer.parseInt(p[0]);
        int to = Integer.parseInt(p[p.length - 1]);
        return IntStream.rangeClosed(from, to).toArray();
    }

    static String yearsText(int[] years) {
        return years.length == 1 ? String.valueOf(years[0]) : years[0] + "-" + years[years.length - 1];
    }

    static Connection connect(Options opt, String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + opt.get("host", "127.0.0.1") + ":" + opt.get("port", "5432") + "/" + db,
                opt.get("user", "postgres"), System.getenv().getOrDefault("WCSTAT_BENCH_PGPASSWORD", ""));
    }
}
