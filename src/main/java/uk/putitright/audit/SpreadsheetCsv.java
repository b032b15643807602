package uk.putitright.audit;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** CSV for spreadsheets, shared by the timeline and the compliance report. */
public final class SpreadsheetCsv {

    public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private SpreadsheetCsv() {
    }

    /**
     * One RFC 4180 cell (null is empty). A value a spreadsheet would run as a formula (starting with
     * = + - @) is prefixed with an apostrophe.
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
