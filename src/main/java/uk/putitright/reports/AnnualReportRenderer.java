package uk.putitright.reports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.letters.XhtmlPdf;

/**
 * The Code's annual complaints performance and service improvement report: {@code templates/reports/annual.html}
 * (XHTML) rendered to PDF with openhtmltopdf, as the letters are (LetterRenderer). Its figures are the
 * compliance report's, so the PDF and the JSON never disagree. Charts are plain HTML bars: nothing to run.
 */
@Service
class AnnualReportRenderer {

    private final ITemplateEngine templates;
    private final WorkingDays workingDays;

    AnnualReportRenderer(ITemplateEngine templates, WorkingDays workingDays) {
        this.templates = templates;
        this.workingDays = workingDays;
    }

    /** The annual report; {@code approvedSelfAssessment} is null until the governing body approves one. */
    byte[] pdf(ComplianceReport report, SelfAssessment approvedSelfAssessment) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of(
                "report", report,
                "generated", workingDays.ukDate(report.generatedAt()),
                "rootCauses", bars(report.received().byRootCause()),
                "outcomes", bars(report.received().byOutcome()),
                "channels", bars(report.received().byChannel()),
                "categories", bars(report.received().byCategory()),
                "breaches", bars(report.breachesByDeadline())));
        variables.put("selfAssessment", approvedSelfAssessment);
        String xhtml = templates.process("reports/annual", new Context(Locale.UK, variables));
        return XhtmlPdf.render(xhtml, "classpath:/templates/reports/");
    }

    /** The self-assessment in the Ombudsman's form layout. */
    byte[] pdf(SelfAssessment selfAssessment) {
        String xhtml = templates.process("reports/self-assessment", new Context(Locale.UK,
                Map.of("selfAssessment", selfAssessment)));
        return XhtmlPdf.render(xhtml, "classpath:/templates/reports/");
    }

    /** One bar per value, its width a share of the largest, so the biggest count fills the column. */
    record Bar(String label, long count, int widthPercent) {
    }

    static List<Bar> bars(Map<String, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return counts.entrySet().stream()
                .map(e -> new Bar(ReportLabels.label(e.getKey()), e.getValue(),
                        max == 0 ? 0 : (int) Math.round(e.getValue() * 100.0 / max)))
                .toList();
    }
}
