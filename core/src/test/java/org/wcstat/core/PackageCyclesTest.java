package org.wcstat.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Core's packages depend on one another in one direction only, so each can be read and changed from the bottom up. */
class PackageCyclesTest {
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.wcstat\\.core\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void coresPackagesFormNoCycle() throws IOException {
        Path src = Path.of("src/main/java/org/wcstat/core");
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = src.relativize(f);
                if (rel.getNameCount() < 2) continue;
                String pkg = rel.getName(0).toString();
                Matcher m = IMPORT.matcher(Files.readString(f));
                Set<String> deps = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                while (m.find()) if (!m.group(1).equals(pkg)) deps.add(m.group(1));
            }
        }
        assertTrue(uses.containsKey("config") && uses.get("config").contains("catalog"), "the walk found core's packages: " + uses);
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            if (reaches(uses, start, start, new TreeSet<>())) cycles.add(start);
        }
        assertEquals(List.of(), cycles, "packages on a dependency cycle; the graph: " + uses);
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (next.equals(target)) return true;
            if (seen.add(next) && reaches(uses, next, target, seen)) return true;
        }
        return false;
    }
}
