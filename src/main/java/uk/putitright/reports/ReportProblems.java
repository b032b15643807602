package uk.putitright.reports;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.putitright.intake.InvalidFieldException;

/**
 * A bad report parameter answers 400 {@code application/problem+json} with {@code errors: [{field, message}]},
 * the shape the complaint API uses (intake's ApiProblems), with a title that says what was wrong.
 */
@RestControllerAdvice(basePackageClasses = ReportProblems.class)
class ReportProblems {

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.field() + " " + ex.getMessage());
        problem.setTitle("Invalid report parameters");
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
