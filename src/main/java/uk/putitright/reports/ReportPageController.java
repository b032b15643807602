package uk.putitright.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The compliance report as a page for managers and auditors, with charts; the current financial year by default. */
@Controller
class ReportPageController {

    private final ComplianceReportService reports;
    private final ObjectMapper json;

    ReportPageController(ComplianceReportService reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    @GetMapping("/audit/reports")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String landlord, Model model) {
        boolean neither = (from == null || from.isBlank()) && (to == null || to.isBlank());
        ReportPeriod period = neither ? reports.currentFinancialYear() : reports.period(from, to);
        ComplianceReport report = reports.report(landlord, period);
        model.addAttribute("report", report);
        model.addAttribute("annualYear", period.from().getMonthValue() >= 4 ? period.from().getYear()
                : period.from().getYear() - 1);
        model.addAttribute("charts", List.of(
                chart("chart-channel", "Complaints received by channel", report.received().byChannel()),
                chart("chart-category", "Complaints received by category", report.received().byCategory()),
                chart("chart-outcome", "Outcome (last decision)", report.received().byOutcome()),
                chart("chart-root-cause", "Root causes", report.received().byRootCause()),
                chart("chart-breaches", "Missed deadlines", report.breachesByDeadline())));
        return "audit/reports";
    }

    /**
     * What reports.js draws: labels and values travel as JSON in data attributes (escaped by Thymeleaf), so the
     * page needs no inline script; the rows are the same figures as a table for readers without script.
     */
    record Chart(String id, String title, List<AnnualReportRenderer.Bar> rows, String labelsJson, String valuesJson) {
    }

    private Chart chart(String id, String title, Map<String, Long> counts) {
        List<AnnualReportRenderer.Bar> rows = AnnualReportRenderer.bars(counts);
        try {
            return new Chart(id, title, rows, json.writeValueAsString(rows.stream().map(AnnualReportRenderer.Bar::label).toList()),
                    json.writeValueAsString(rows.stream().map(AnnualReportRenderer.Bar::count).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
