package uk.putitright.reports;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.putitright.audit.SpreadsheetCsv;

/**
 * The Complaint Handling Code self-assessment as JSON, CSV and PDF; a complaints officer's entries; the governing
 * body's approval. Who may read, write and approve is SecurityConfig's business. The period defaults to the
 * current financial year.
 */
@RestController
@RequestMapping("/api/reports/self-assessment")
class SelfAssessmentController {

    private final SelfAssessmentService selfAssessments;
    private final ComplianceReportService reports;
    private final AnnualReportRenderer renderer;

    SelfAssessmentController(SelfAssessmentService selfAssessments, ComplianceReportService reports,
                             AnnualReportRenderer renderer) {
        this.selfAssessments = selfAssessments;
        this.reports = reports;
        this.renderer = renderer;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    SelfAssessment get(@RequestParam(required = false) String landlord, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to) {
        return selfAssessments.assess(landlord, period(reports, from, to));
    }

    @GetMapping("/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String landlord,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        SelfAssessment sa = selfAssessments.assess(landlord, period(reports, from, to));
        return ResponseEntity.ok().contentType(SpreadsheetCsv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(sa) + ".csv").build().toString())
                .body(SelfAssessmentCsv.csv(sa));
    }

    @GetMapping("/pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String landlord,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        SelfAssessment sa = selfAssessments.assess(landlord, period(reports, from, to));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(sa) + ".pdf").build().toString())
                .body(renderer.pdf(sa));
    }

    @PutMapping(path = "/provisions/{provision}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void record(@PathVariable String provision, @RequestParam(required = false) String landlord,
                @RequestBody(required = false) SelfAssessmentService.Entry entry, Authentication user) {
        selfAssessments.record(landlord, provision, entry, user.getName());
    }

    @PostMapping(path = "/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approve(@RequestParam(required = false) String landlord, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to,
                 @RequestBody(required = false) SelfAssessmentService.ApprovalRequest approval, Authentication user) {
        selfAssessments.approve(landlord, period(reports, from, to), approval, user.getName());
    }

    /** from and to, or the current financial year when neither is given. */
    static ReportPeriod period(ComplianceReportService reports, String from, String to) {
        boolean neither = (from == null || from.isBlank()) && (to == null || to.isBlank());
        return neither ? reports.currentFinancialYear() : reports.period(from, to);
    }

    private static String fileName(SelfAssessment sa) {
        return "self-assessment-" + sa.landlord() + "-" + sa.from() + "-" + sa.to();
    }
}
