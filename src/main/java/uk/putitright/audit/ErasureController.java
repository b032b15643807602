package uk.putitright.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.putitright.intake.InvalidFieldException;
import uk.putitright.text.TextRules;

/** {@code POST /api/complaints/{reference}/erasure}: a customer's erasure request (process owners and admins). */
@RestController
class ErasureController {

    record ErasureRequest(String reason) {
    }

    private final PersonalDataErasure erasure;

    ErasureController(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping(path = "/api/complaints/{reference}/erasure", consumes = "application/json",
            produces = "application/json")
    PersonalDataErasure.Result erase(@PathVariable String reference, @RequestBody ErasureRequest request,
                                     Authentication user) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new InvalidFieldException("reason", "say why the data is erased, e.g. \"erasure request of 3 March\"");
        }
        TextRules.problem(request.reason(), TextRules.Kind.FREE_TEXT).ifPresent(problem -> {
            throw new InvalidFieldException("reason", problem);
        });
        if (request.reason().length() > 500) {
            throw new InvalidFieldException("reason", "must be at most 500 characters");
        }
        return erasure.erase(reference, user.getName(), request.reason().strip());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail stillOpen(IllegalStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Complaint still open");
        return problem;
    }
}
