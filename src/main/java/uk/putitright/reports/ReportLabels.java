package uk.putitright.reports;

import java.util.Locale;

/** Codes as people read them: STAGE_1_RESPONSE becomes "Stage 1 response", repairs stays "repairs". */
public final class ReportLabels {

    private ReportLabels() {
    }

    public static String label(String code) {
        if (code == null) {
            return "";
        }
        if (!code.equals(code.toUpperCase(Locale.ROOT))) {
            return code;
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
