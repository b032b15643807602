package uk.putitright.intake;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.putitright.complaint.ComplaintNotFoundException;
import uk.putitright.process.StepNotOpenException;

/**
 * Every API error is {@code application/problem+json}; a 400 lists each bad field as
 * {@code errors: [{field, message}]} so a form can show the message beside the field.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = mapping instanceof UnrecognizedPropertyException ? "is not a known field"
                    : "has a value of the wrong type or an unknown option";
            return badRequest(List.of(Map.of("field", field, "message", message)));
        }
        return badRequest(List.of(Map.of("field", "", "message", "the request body is not valid JSON")));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        return badRequest(List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ProblemDetail notFound(ComplaintNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Complaint not found", ex.getMessage());
    }

    @ExceptionHandler(StepNotOpenException.class)
    ProblemDetail notOpen(StepNotOpenException ex) {
        return problem(HttpStatus.CONFLICT, "Step not open", ex.getMessage());
    }

    private static ResponseEntity<Object> badRequest(List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid complaint data",
                errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
