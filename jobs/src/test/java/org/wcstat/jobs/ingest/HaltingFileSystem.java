package org.wcstat.jobs.ingest;

import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;

/**
 * The local file system, halting the JVM in the middle of an Iceberg commit to facts.observation: the
 * Hadoop catalog has written the new data files, manifests and metadata file, and is about to rename the
 * metadata into place, which is the commit. Used by child JVMs with -Dwcstat.halt-at=facts-commit and
 * -Dspark.hadoop.fs.file.impl=org.wcstat.jobs.ingest.HaltingFileSystem.
 */
public class HaltingFileSystem extends LocalFileSystem {
    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        if ("facts-commit".equals(System.getProperty("wcstat.halt-at"))
                && dst.toString().contains("/facts/observation/metadata/") && dst.getName().matches("v\\d+\\.metadata\\.json")) {
            System.out.println("halting at facts-commit, before " + dst.getName());
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
        return super.rename(src, dst);
    }
}
