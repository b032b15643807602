package uk.putitright.reports;

import java.util.List;
import uk.putitright.audit.SpreadsheetCsv;

/** The self-assessment as the Ombudsman's form: one row per provision. */
final class SelfAssessmentCsv {

    private SelfAssessmentCsv() {
    }

    static String csv(SelfAssessment sa) {
        StringBuilder out = new StringBuilder("section,provision,requirement,assessment,comply,evidence,commentary\r\n");
        for (SelfAssessment.Provision p : sa.provisions()) {
            row(out, List.of(p.sectionTitle(), p.provision(), p.requirement(), p.assessment(), p.complyLabel(),
                    p.evidenceText(), p.commentaryText()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append(String.join(",", cells.stream().map(SpreadsheetCsv::cell).toList())).append("\r\n");
    }
}
