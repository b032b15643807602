package uk.putitright.intake;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.putitright.feedback.Feedback;

/** Compliments and comments: open to the public, like logging a complaint. */
@RestController
@RequestMapping(path = "/api/feedback", produces = "application/json")
public class FeedbackController {

    private final FeedbackIntake intake;

    public FeedbackController(FeedbackIntake intake) {
        this.intake = intake;
    }

    @PostMapping(consumes = "application/json")
    public ResponseEntity<Map<String, String>> receive(@Valid @RequestBody NewFeedbackRequest request) {
        Feedback feedback = intake.receive(request);
        return ResponseEntity.created(URI.create("/api/feedback/" + feedback.getReference()))
                .body(Map.of("reference", feedback.getReference()));
    }
}
