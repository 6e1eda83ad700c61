package org.wcstat.jobs.maintain;

import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;

import java.util.Map;

/**
 * Tags are kept forever. Expiring snapshots keeps those a tag holds only while the tag itself has not
 * outlived its max-ref-age: the tag's own, else the table's history.expire.max-ref-age-ms, which is
 * unset (forever) by default but may be set for a table. Every release tags the snapshots it read
 * (release-&lt;year&gt;, release-&lt;year&gt;-r&lt;n&gt;), so a tag without an age of its own gets the
 * longest there is, and no table setting can expire a release.
 */
final class KeptTags {
    private KeptTags() {
    }

    /** Gives every tag of the table an unlimited max-ref-age, in one commit; returns how many needed it. */
    static int keepForever(Table table) {
        ManageSnapshots update = null;
        int changed = 0;
        for (Map.Entry<String, SnapshotRef> ref : table.refs().entrySet()) {
            Long age = ref.getValue().maxRefAgeMs();
            if (ref.getValue().isTag() && (age == null || age != Long.MAX_VALUE)) {
                update = (update == null ? table.manageSnapshots() : update).setMaxRefAgeMs(ref.getKey(), Long.MAX_VALUE);
                changed++;
            }
        }
        if (update != null) update.commit();
        return changed;
    }
}
