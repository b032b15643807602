package uk.putitright.intake;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
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
 * {@code errors: [{field, message}]} so a form can show the message beside the field. 413 (body too large),
 * 422 (an {@code Idempotency-Key} reused for another complaint), 409 (its first request still running) and
 * 429 (too many complaints from one address, with {@code Retry-After}) are problem+json too.
 *
 * <p>Nothing the client sent is reflected as markup: field names from the body are reduced to
 * {@code [A-Za-z0-9_.[]-]}, rejected values are never echoed, and {@code < > &} in any detail are escaped.
 *
 * <p>Also covers the audit package's complaint timeline, so an unknown reference is the same 404 problem there.
 */
@RestControllerAdvice(basePackages = "uk.putitright")
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
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                return tooLarge(request);
            }
        }
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? safeField(ref.getFieldName()) : "[" + ref.getIndex() + "]")
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

    @ExceptionHandler(IdempotencyKeyConflictException.class)
    ResponseEntity<Object> idempotencyKeyReused(IdempotencyKeyConflictException ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused",
                "Idempotency-Key " + ex.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "Idempotency-Key", "message", ex.getMessage())));
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(IdempotencyKeyBusyException.class)
    ResponseEntity<Object> idempotencyKeyBusy(IdempotencyKeyBusyException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.CONFLICT, "Request in progress", ex.getMessage()));
    }

    @ExceptionHandler(TooManySubmissionsException.class)
    ResponseEntity<Object> tooManySubmissions(TooManySubmissionsException ex) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many complaints", ex.getMessage());
        problem.setProperty("retryAfterSeconds", ex.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ProblemDetail notFound(ComplaintNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Complaint not found", ex.getMessage());
    }

    /** The engine refused the caller (an auditor correlating a message, say): nothing changed. */
    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail forbidden(AuthorizationException ex) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", "Your role may not do this");
    }

    /** A Stage 2 request refused (now or before): a clear answer, and the refusal letter is on its way. */
    @ExceptionHandler(EscalationRefusedException.class)
    ProblemDetail escalationRefused(EscalationRefusedException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Escalation refused", ex.getMessage());
        problem.setProperty("refusedAt", ex.refusal().getRefusedAt().toString());
        problem.setProperty("lateRequest", ex.refusal().isLateRequest());
        return problem;
    }

    @ExceptionHandler(EscalationNotRefusableException.class)
    ProblemDetail notRefusable(EscalationNotRefusableException ex) {
        return problem(HttpStatus.CONFLICT, "Nothing to refuse", ex.getMessage());
    }

    @ExceptionHandler(StepNotOpenException.class)
    ProblemDetail notOpen(StepNotOpenException ex) {
        return problem(HttpStatus.CONFLICT, "Step not open", ex.getMessage());
    }

    /** Spring's own problems (415, 405, ...) may quote a header: escape it like ours. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getDetail() != null) {
            problem.setDetail(escape(problem.getDetail()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> tooLarge(WebRequest request) {
        long limit = request instanceof org.springframework.web.context.request.ServletWebRequest servlet
                && servlet.getRequest().getAttribute(RequestSizeLimitFilter.LIMIT_ATTRIBUTE) instanceof Long l ? l : -1;
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                limit < 0 ? "The request body is too large." : "The request body must not be larger than " + limit + " bytes.");
        if (limit >= 0) {
            problem.setProperty("maxBytes", limit);
        }
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A field name as the client sent it, reduced to characters no page can take for markup. */
    static String safeField(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_.\\[\\]-]", "_");
        return safe.length() > 100 ? safe.substring(0, 100) + "..." : safe;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static ResponseEntity<Object> badRequest(List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid complaint data",
                errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, escape(detail));
        problem.setTitle(title);
        return problem;
    }
}
