package org.wcstat.jobs.publish;

import java.util.Map;

/**
 * The colour of each progress status in the evaluation's charts (PDF, web, workbook), the same as the status
 * badges of report.css: green for achieved and on track, yellow and orange for slower progress, red for
 * deterioration, grey where nothing could be judged. Colour only adds to the status's name, never replaces it.
 */
final class StatusColours {
    private static final Map<String, String> BY_STATUS = Map.of(
            "achieved", "#1b5e20",
            "on_track", "#4caf50",
            "needs_acceleration", "#fdd835",
            "limited_progress", "#fb8c00",
            "deterioration", "#c62828",
            "insufficient_data", "#9e9e9e");
    /** A status this list does not name yet. */
    private static final String OTHER = "#bdbdbd";

    private StatusColours() {
    }

    /** The status's colour as #rrggbb. */
    static String of(String status) {
        return BY_STATUS.getOrDefault(status, OTHER);
    }

    /** The colour as red, green and blue bytes, for the workbook's charts. */
    static byte[] rgb(String status) {
        String hex = of(status);
        return new byte[]{(byte) Integer.parseInt(hex.substring(1, 3), 16), (byte) Integer.parseInt(hex.substring(3, 5), 16),
                (byte) Integer.parseInt(hex.substring(5, 7), 16)};
    }
}
