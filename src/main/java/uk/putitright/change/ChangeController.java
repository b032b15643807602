package uk.putitright.change;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import uk.putitright.intake.InvalidFieldException;

/**
 * For process owners: a candidate policy previewed on last year's complaints (POST, multipart part
 * {@code policy}); for process owners and auditors: what changed between two versions (SecurityConfig).
 */
@RestController
class ChangeController {

    private final PolicyPreview previews;
    private final ModelChanges changes;

    ChangeController(PolicyPreview previews, ModelChanges changes) {
        this.previews = previews;
        this.changes = changes;
    }

    @PostMapping("/api/process-owners/policy-preview")
    PolicyPreview.Preview preview(@RequestParam(name = "policy", required = false) MultipartFile policy)
            throws IOException {
        return previews.preview(fileName(policy), policy.getBytes());
    }

    @GetMapping("/api/process-owners/changes")
    ModelChanges.Changes changes(@RequestParam(required = false) String key,
                                 @RequestParam(required = false) Integer from,
                                 @RequestParam(required = false) Integer to) {
        return changes.between(key, from, to);
    }

    /** The uploaded file's own name (no path), which the checks name in their problems. */
    static String fileName(MultipartFile policy) {
        if (policy == null || policy.isEmpty()) {
            throw new InvalidFieldException("policy", "is required: the candidate complaint-policy.dmn as a file");
        }
        String name = policy.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "complaint-policy.dmn";
        }
        return name.replaceAll("^.*[/\\\\]", "");
    }

    /** The same 400 problem+json as a refused deployment: one entry per problem. */
    @ExceptionHandler(PolicyPreview.CandidateRefusedException.class)
    ResponseEntity<ProblemDetail> refused(PolicyPreview.CandidateRefusedException refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
        problem.setTitle("Candidate policy refused");
        problem.setProperty("field", "policy");
        List<Map<String, String>> errors = refused.problems().stream().map(p -> Map.of("resource", p.resource(),
                "element", p.element(), "message", p.message())).toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
