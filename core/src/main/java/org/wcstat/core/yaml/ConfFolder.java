package org.wcstat.core.yaml;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A configuration folder, and the folders it extends. A folder with a {@code layer.yaml} ({@code extends: ../conf})
 * holds only what is its own: any file it lacks is the extended folder's, and its {@code sources/},
 * {@code validation/} and {@code indicators/} add to that folder's (a file of the same name replacing the
 * extended one's). So a county keeps its regions and departments apart from the shared methods, and the demo
 * district's departments stay out of the county's {@code conf/}.
 */
public final class ConfFolder {
    public static final String LAYER_FILE = "layer.yaml";
    private static final int MAX_DEPTH = 8;

    private final List<Path> layers;

    private ConfFolder(List<Path> layers) {
        this.layers = List.copyOf(layers);
    }

    /** What a layer.yaml holds. */
    record Layer(@JsonProperty(value = "extends", required = true) String extendsFolder) {
    }

    /** The folder and, through each one's layer.yaml, the folders it extends. */
    public static ConfFolder open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": configuration folder not found; pass --conf DIR or run from the repository");
        }
        List<Path> layers = new ArrayList<>();
        Path at = dir;
        while (true) {
            layers.add(at);
            Path layerFile = at.resolve(LAYER_FILE);
            if (!Files.exists(layerFile)) return new ConfFolder(layers);
            Path base = at.resolve(Yaml.read(layerFile, Layer.class).extendsFolder()).normalize();
            String where = YamlLocator.at(layerFile, "extends") + ": ";
            if (!Files.isDirectory(base)) {
                throw new ConfigException(where + "the folder it extends, " + base + ", is not there; write the path of a"
                        + " configuration folder, relative to " + at + " or absolute");
            }
            if (layers.stream().anyMatch(l -> same(l, base))) {
                throw new ConfigException(where + base + " is already one of the folders this one extends " + layers
                        + "; a folder cannot extend itself");
            }
            if (layers.size() == MAX_DEPTH) {
                throw new ConfigException(where + "more than " + MAX_DEPTH + " folders extend one another " + layers
                        + "; extend the folder with the shared methods directly");
            }
            at = base;
        }
    }

    /** The folder given: the one whose files count first, and where a file missing from every folder is looked for. */
    public Path dir() {
        return layers.get(0);
    }

    /** The folder given first, then each folder it extends in turn. */
    public List<Path> layers() {
        return layers;
    }

    /** The file of this name in the first folder that has it; the given folder's path when none has it. */
    public Path file(String name) {
        for (Path layer : layers) {
            Path f = layer.resolve(name);
            if (Files.exists(f)) return f;
        }
        return dir().resolve(name);
    }

    /** Whether any of the folders has the file. */
    public boolean has(String name) {
        return Files.exists(file(name));
    }

    /** A department's source file, as the sources are read ({@link #yamlFiles}). */
    public Path sourceFile(String department) {
        return file("sources/" + department + ".yaml");
    }

    /** The YAML files of a subfolder over every folder, a file of a name replacing the same name's further down, by name. */
    public List<Path> yamlFiles(String subfolder) {
        Map<String, Path> byName = new TreeMap<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Path dir = layers.get(i).resolve(subfolder);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> byName.put(p.getFileName().toString(), p));
            } catch (IOException e) {
                throw new ConfigException(dir + ": cannot list (" + e.getMessage() + ")");
            }
        }
        return List.copyOf(byName.values());
    }

    /** How the folder reads in a message: "conf" or "home/conf (over demo/conf, conf)". */
    public String describe() {
        return layers.size() == 1 ? dir().toString() : dir() + " (over " + String.join(", ", layers.subList(1, layers.size()).stream()
                .map(Path::toString).toList()) + ")";
    }

    /**
     * Writes the files of every folder into one, the given folder's over those it extends, without the layer.yaml:
     * a configuration that stands alone, e.g. to change a copy of it.
     */
    public Path copyTo(Path dst) throws IOException {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Path src = layers.get(i);
            try (Stream<Path> s = Files.walk(src)) {
                for (Path p : s.toList()) {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(t);
                    else if (!src.relativize(p).toString().equals(LAYER_FILE)) Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dst;
    }

    static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
