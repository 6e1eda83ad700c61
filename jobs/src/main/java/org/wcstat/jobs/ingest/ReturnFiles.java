package org.wcstat.jobs.ingest;

import org.wcstat.core.config.SourceConfig;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The returns a department without a database has sent: what preflight checks instead of a connection.
 * Before a run it is not known which year will be loaded, so every year's file present is opened (they are
 * small), and a department with no return at all is named.
 */
public final class ReturnFiles {
    private ReturnFiles() {
    }

    /** The problems with a file source's returns, each naming the file, the sheet and what to do; empty when all open. */
    public static List<String> check(SourceConfig source, Path sourceFile, Path home) {
        List<String> problems = new ArrayList<>();
        String conf = sourceFile.toString();
        for (SourceConfig.Extract e : source.extracts()) {
            String pattern = source.returnPath(e);
            TreeMap<Integer, Path> files = present(home, pattern);
            if (files.isEmpty()) {
                problems.add(source.department() + " (" + source.nameZh() + "): no return at " + home.resolve(pattern)
                        + " for any year: put the department's file there, or correct the path in " + conf);
                continue;
            }
            files.forEach((year, file) -> {
                String shown = home.relativize(file).toString();
                try {
                    if (SourceConfig.formatOf(pattern).orElse("").equals("csv")) {
                        ReturnGrid.csv(file, shown, Charset.forName(source.file().charset()), conf);
                    } else {
                        ReturnGrid.xlsx(file, shown, e.sheet(), conf);
                    }
                } catch (ReturnProblem p) {
                    problems.add(source.department() + " · " + e.name() + ": " + p.getMessage());
                }
            });
        }
        return problems.stream().distinct().toList();
    }

    /** The files of a path pattern under home, by the year in their path. */
    static TreeMap<Integer, Path> present(Path home, String pattern) {
        int at = pattern.indexOf(SourceConfig.YEAR_PLACEHOLDER);
        String fixed = pattern.substring(0, pattern.lastIndexOf('/', at) + 1);
        Path base = home.resolve(fixed);
        Pattern matcher = Pattern.compile(Pattern.quote(pattern).replace(SourceConfig.YEAR_PLACEHOLDER, "\\E(\\d{4})\\Q"));
        TreeMap<Integer, Path> found = new TreeMap<>();
        if (!Files.isDirectory(base)) return found;
        try (Stream<Path> s = Files.walk(base, 4)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                Matcher m = matcher.matcher(home.relativize(p).toString().replace('\\', '/'));
                if (m.matches()) found.put(Integer.parseInt(m.group(1)), p);
            });
        } catch (IOException e) {
            // an unreadable folder shows as no return, which the message names
        }
        return found;
    }
}
