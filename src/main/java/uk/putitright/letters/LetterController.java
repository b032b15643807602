package uk.putitright.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.putitright.complaint.ComplaintRegister;

/** Staff: a complaint's letters and their PDFs, and the print queue of letters to post. */
@RestController
public class LetterController {

    private final LetterRepository letters;
    private final ComplaintRegister complaints;

    LetterController(LetterRepository letters, ComplaintRegister complaints) {
        this.letters = letters;
        this.complaints = complaints;
    }

    public record LetterView(Long id, String type, String title, String recipient, String deliveryMethod,
                             boolean copyForRepresentative, Instant createdAt, Instant deliveredAt,
                             Instant postedAt, String pdf) {
    }

    public record PostedRequest(List<Long> letterIds) {
    }

    @GetMapping(path = "/api/complaints/{reference}/letters", produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    public List<LetterView> list(@PathVariable String reference) {
        Long complaintId = complaints.find(reference).getId();
        return letters.findByComplaintIdOrderByCreatedAtAscIdAsc(complaintId).stream().map(LetterController::view)
                .toList();
    }

    @GetMapping(path = "/api/complaints/{reference}/letters/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> pdf(@PathVariable String reference, @PathVariable Long id) {
        Letter letter = letters.findByIdAndComplaintReference(id, reference)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                        "No letter " + id + " for complaint " + reference));
        if (letter.getPdf() == null && letter.getXhtml() == null) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.GONE,
                    "Letter " + id + " of complaint " + reference + " was erased");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + reference + "-" + id + ".pdf\"")
                .body(LetterRenderer.pdfOf(letter, false));
    }

    @GetMapping(path = "/api/print-queue", produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    public List<LetterView> printQueue() {
        return letters.printQueue().stream().map(LetterController::view).toList();
    }

    /** Every letter waiting to be posted, as one PDF to print. */
    @GetMapping(path = "/api/print-queue.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> printBatch() throws IOException {
        try (PDDocument batch = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (Letter letter : letters.printQueue()) {
                try (PDDocument page = Loader.loadPDF(LetterRenderer.pdfOf(letter, false))) {
                    merger.appendDocument(batch, page);
                }
            }
            batch.save(out);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header("Content-Disposition", "attachment; filename=\"print-queue.pdf\"").body(out.toByteArray());
        }
    }

    /** Staff have printed and posted these letters: they leave the queue and count as delivered. */
    @PostMapping(path = "/api/print-queue/posted", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public Map<String, Integer> posted(@RequestBody PostedRequest request, Authentication user) {
        if (request == null || request.letterIds() == null || request.letterIds().isEmpty()) {
            throw new uk.putitright.intake.InvalidFieldException("letterIds", "name at least one letter");
        }
        List<Letter> queued = letters.printQueue().stream().filter(l -> request.letterIds().contains(l.getId()))
                .toList();
        if (queued.size() != request.letterIds().size()) {
            throw new uk.putitright.intake.InvalidFieldException("letterIds", "every letter must be in the print queue");
        }
        Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
        queued.forEach(letter -> letter.markPosted(now, user.getName()));
        return Map.of("posted", queued.size());
    }

    private static LetterView view(Letter l) {
        String pdf = "/api/complaints/" + l.getReference() + "/letters/" + l.getId() + ".pdf";
        return new LetterView(l.getId(), l.getType().name(), LetterTitles.title(l.getType()), l.getRecipient(),
                l.getDeliveryMethod().name(), l.isCopyForRepresentative(), l.getCreatedAt(), l.getDeliveredAt(),
                l.getPostedAt(), pdf);
    }
}
