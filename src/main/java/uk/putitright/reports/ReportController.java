package uk.putitright.reports;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.putitright.audit.SpreadsheetCsv;
import uk.putitright.intake.InvalidFieldException;

/**
 * The compliance report as JSON and CSV, and the annual complaints performance report as PDF. Who may read
 * them is SecurityConfig's business (auditors, process owners, directors, heads of service, admins).
 * Parameters are read as text so every bad one is named in a 400 problem.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final ComplianceReportService reports;
    private final AnnualReportRenderer annual;
    private final SelfAssessmentService selfAssessments;

    ReportController(ComplianceReportService reports, AnnualReportRenderer annual,
                     SelfAssessmentService selfAssessments) {
        this.reports = reports;
        this.annual = annual;
        this.selfAssessments = selfAssessments;
    }

    @GetMapping(value = "/compliance", produces = MediaType.APPLICATION_JSON_VALUE)
    ComplianceReport compliance(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String landlord) {
        return reports.report(landlord, reports.period(from, to));
    }

    @GetMapping(value = "/compliance.csv")
    ResponseEntity<String> complianceCsv(@RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String landlord) {
        ComplianceReport report = reports.report(landlord, reports.period(from, to));
        return ResponseEntity.ok().contentType(SpreadsheetCsv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("compliance-" + report.landlord() + "-" + report.from() + "-" + report.to() + ".csv")
                        .build().toString())
                .body(ReportCsv.csv(report));
    }

    @GetMapping(value = "/annual.pdf")
    ResponseEntity<byte[]> annualPdf(@RequestParam(required = false) String year,
                                     @RequestParam(required = false) String landlord) {
        int startYear = year(year);
        ReportPeriod financialYear = reports.financialYear(startYear);
        ComplianceReport report = reports.report(landlord, financialYear);
        // the Code (8.1) asks for the approved self-assessment and the governing body's response in the report
        SelfAssessment approved = selfAssessments.approval(report.landlord(), financialYear) == null ? null
                : selfAssessments.assess(report.landlord(), financialYear);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("annual-complaints-report-" + report.landlord() + "-" + startYear + ".pdf")
                        .build().toString())
                .body(annual.pdf(report, approved));
    }

    /** The calendar year in which the financial year starts (1 April). */
    static int year(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException("year", "is required (the year the financial year starts, e.g. 2026)");
        }
        try {
            int year = Integer.parseInt(value.strip());
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException("year", "must be a year between 2000 and 2100");
    }
}
