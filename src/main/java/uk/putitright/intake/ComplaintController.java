package uk.putitright.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.putitright.complaint.Complaint;
import uk.putitright.process.CustomerMessage;

/** The complaints API; only logging a complaint is open to the public. */
@Tag(name = "Complaints", description = "Log a complaint (public) and follow it through the procedure (staff)")
@RestController
@RequestMapping(path = "/api/complaints", produces = "application/json")
public class ComplaintController {

    /** Sent back ({@code true}) when the answer repeats an earlier request's (same idempotency key). */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ComplaintIntake intake;
    private final ComplaintSubmissions submissions;
    private final EscalationRefusals refusals;

    public ComplaintController(ComplaintIntake intake, ComplaintSubmissions submissions, EscalationRefusals refusals) {
        this.intake = intake;
        this.refusals = refusals;
        this.submissions = submissions;
    }

    /**
     * Logs a complaint. A repeat of an earlier request (same {@code Idempotency-Key} and body, or without the
     * header the same body from the same address within 10 minutes) gets the same 201 answer, with header
     * {@code Idempotent-Replayed: true}, and logs nothing.
     */
    @PostMapping(consumes = "application/json")
    @Operation(summary = "Log a complaint", operationId = "logComplaint", description = ApiDocs.LOG_DESCRIPTION)
    @SecurityRequirements
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = NewComplaintRequest.class),
            examples = {
                @ExampleObject(name = "by email", summary = "A tenant complains online and wants email replies",
                        value = ApiDocs.EXAMPLE_EMAIL),
                @ExampleObject(name = "on behalf", summary = "A representative complains by phone for a tenant",
                        value = ApiDocs.EXAMPLE_REPRESENTATIVE)}))
    @ApiResponses({
        @ApiResponse(responseCode = "201", description = "Logged (or the same answer again for a repeat)",
                headers = {
                    @Header(name = "Location", description = "/api/complaints/{reference}", schema = @Schema(type = "string")),
                    @Header(name = REPLAYED_HEADER, description = "true when an earlier request logged it",
                            schema = @Schema(type = "boolean"))},
                content = @Content(mediaType = "application/json", examples = @ExampleObject(
                        value = "{\"reference\": \"CHG-2026-000042\"}"))),
        @ApiResponse(responseCode = "400", description = "Invalid data, field by field",
                content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(
                        value = ApiDocs.EXAMPLE_400))),
        @ApiResponse(responseCode = "409", description = "The first request with this key is still running; retry",
                content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(responseCode = "413", description = "Body larger than 64 KiB",
                content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(responseCode = "422", description = "Idempotency-Key already used for a different complaint",
                content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(
                        value = ApiDocs.EXAMPLE_422))),
        @ApiResponse(responseCode = "429", description = "Too many complaints from this address; see Retry-After",
                headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")),
                content = @Content(mediaType = "application/problem+json"))})
    public ResponseEntity<Map<String, String>> log(@Valid @RequestBody NewComplaintRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = ApiDocs.IDEMPOTENCY_KEY,
                    example = "5f0c8a43-2d5e-4c11-9a0e-6b1f4d6c2e7a",
                    schema = @Schema(type = "string", pattern = "[A-Za-z0-9._:-]{1,100}")) String idempotencyKey,
            @Parameter(hidden = true) HttpServletRequest http) {
        if (request.receivedAt() != null && !mayDateReceipt(SecurityContextHolder.getContext().getAuthentication())) {
            throw new InvalidFieldException("receivedAt", "only staff may say when a complaint was received;"
                    + " leave it out and the complaint is received now");
        }
        intake.checkReceivedAt(request.receivedAt());
        ComplaintSubmissions.Submitted submitted = submissions.submit(request, idempotencyKey, http.getRemoteAddr());
        ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/api/complaints/" + submitted.reference()));
        if (submitted.replayed()) {
            answer.header(REPLAYED_HEADER, "true");
        }
        return answer.body(Map.of("reference", submitted.reference()));
    }

    /**
     * Staff logging a letter that arrived earlier date it; the public (and the monitoring and auditor logins,
     * which log nothing) are always received now.
     */
    static boolean mayDateReceipt(Authentication caller) {
        return caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.startsWith("GROUP_") && !NOT_LOGGING_COMPLAINTS.contains(a));
    }

    private static final java.util.Set<String> NOT_LOGGING_COMPLAINTS = java.util.Set.of("GROUP_monitoring",
            "GROUP_auditors");

    @GetMapping("/{reference}")
    public ComplaintView get(@PathVariable String reference) {
        return intake.view(reference);
    }

    @PostMapping("/{reference}/escalation")
    public ResponseEntity<ComplaintView> escalate(@PathVariable String reference,
                                                  @Valid @RequestBody(required = false) EscalationRequest request) {
        return accepted(intake.escalate(reference, request));
    }

    /** An escalation refusal as the API shows it. */
    public record EscalationRefusalView(String reference, String reason, String refusedBy, java.time.Instant refusedAt,
                                        boolean lateRequest) {
    }

    /**
     * A complaints officer refuses to take the complaint to Stage 2 (Code 5.11), with the reason the refusal
     * letter gives; the letter also offers the Ombudsman now. 201 the first time; a repeat answers 200 with the
     * first refusal and sends nothing; 409 when there is no Stage 1 response or the complaint is past it.
     */
    @PostMapping(path = "/{reference}/escalation-refusal", consumes = "application/json")
    public ResponseEntity<EscalationRefusalView> refuseEscalation(@PathVariable String reference,
                                                                  @Valid @RequestBody EscalationRefusalRequest request) {
        EscalationRefusals.Outcome outcome = refusals.refuse(reference, request.reason());
        var refusal = outcome.refusal();
        var view = new EscalationRefusalView(reference, refusal.getReason(), refusal.getRefusedBy(),
                refusal.getRefusedAt(), refusal.isLateRequest());
        return outcome.recordedNow() ? ResponseEntity.status(HttpStatus.CREATED).body(view) : ResponseEntity.ok(view);
    }

    @PostMapping("/{reference}/withdrawal")
    public ResponseEntity<ComplaintView> withdraw(@PathVariable String reference) {
        return accepted(intake.send(reference, CustomerMessage.WITHDRAW));
    }

    @PostMapping("/{reference}/acceptance")
    public ResponseEntity<ComplaintView> accept(@PathVariable String reference) {
        return accepted(intake.send(reference, CustomerMessage.ACCEPT_PUT_IT_RIGHT_OUTCOME));
    }

    @PostMapping("/{reference}/icp-referral")
    public ResponseEntity<ComplaintView> referToPanel(@PathVariable String reference) {
        return accepted(intake.send(reference, CustomerMessage.REQUEST_ICP));
    }

    @PostMapping("/{reference}/designated-person")
    public ResponseEntity<ComplaintView> designatedPerson(@PathVariable String reference) {
        return accepted(intake.send(reference, CustomerMessage.CHOOSE_DESIGNATED_PERSON));
    }

    @PostMapping("/{reference}/ombudsman-enquiry")
    public ResponseEntity<ComplaintView> ombudsmanEnquiry(@PathVariable String reference) {
        return accepted(intake.send(reference, CustomerMessage.OMBUDSMAN_ENQUIRY));
    }

    private ResponseEntity<ComplaintView> accepted(Complaint complaint) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(intake.view(complaint.getReference()));
    }
}
