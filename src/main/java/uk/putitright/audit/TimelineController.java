package uk.putitright.audit;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A complaint's timeline for staff and auditors, as JSON, CSV and PDF. Any member of staff may read it
 * (SecurityConfig); an unknown reference is a 404 problem (intake's ApiProblems covers this package).
 */
@RestController
@RequestMapping("/api/complaints/{reference}")
public class TimelineController {

    private final ComplaintTimeline timelines;
    private final TimelinePdf pdf;

    TimelineController(ComplaintTimeline timelines, TimelinePdf pdf) {
        this.timelines = timelines;
        this.pdf = pdf;
    }

    @GetMapping(path = "/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    public ComplaintTimeline.Timeline timeline(@PathVariable String reference) {
        return timelines.of(reference);
    }

    @GetMapping(path = "/timeline.csv", produces = "text/csv")
    public ResponseEntity<byte[]> csv(@PathVariable String reference) {
        ComplaintTimeline.Timeline timeline = timelines.of(reference);
        return ResponseEntity.ok().contentType(SpreadsheetCsv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition("attachment", timeline, "csv"))
                .body(TimelineCsv.of(timeline).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/timeline.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> pdf(@PathVariable String reference) {
        ComplaintTimeline.Timeline timeline = timelines.of(reference);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition("inline", timeline, "pdf"))
                .body(pdf.of(timeline));
    }

    /** The file name comes from the stored reference, never from the request. */
    private static String disposition(String type, ComplaintTimeline.Timeline timeline, String extension) {
        return ContentDisposition.builder(type).filename(timeline.reference() + "-timeline." + extension).build()
                .toString();
    }
}
