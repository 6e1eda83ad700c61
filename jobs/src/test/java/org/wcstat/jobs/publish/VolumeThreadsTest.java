package org.wcstat.jobs.publish;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How many volumes a publication writes at once: one per core, within half the heap at 4 MiB a town. */
class VolumeThreadsTest {
    private static final long GIB = 1L << 30;

    @Test
    void aProvincesCityVolumesGoTwoAtATimeWithSixGigabytesAndOneAtATimeWithFour() {
        // 360 towns × 4 MiB = 1,440 MiB a volume; half of 6 GiB is 3,072 MiB: 2 volumes; half of 4 GiB, 2,048 MiB: 1
        assertEquals(2, PublishJob.volumeThreads(21, 360, 6 * GIB, 2));
        assertEquals(1, PublishJob.volumeThreads(21, 360, 4 * GIB, 2));
        // eight cores change nothing: the heap holds two
        assertEquals(2, PublishJob.volumeThreads(21, 360, 6 * GIB, 8));
    }

    @Test
    void smallVolumesGoOnePerCoreAndNeverMoreThanThereAreVolumes() {
        // 3 towns × 4 MiB = 12 MiB; half of 2 GiB holds 85 of them: the cores decide
        assertEquals(2, PublishJob.volumeThreads(2, 3, 2 * GIB, 2));
        assertEquals(4, PublishJob.volumeThreads(5, 3, 2 * GIB, 4));
        assertEquals(1, PublishJob.volumeThreads(1, 3, 2 * GIB, 4));
        // a heap too small for even one volume still writes them, one at a time
        assertEquals(1, PublishJob.volumeThreads(21, 360, GIB, 2));
    }
}
