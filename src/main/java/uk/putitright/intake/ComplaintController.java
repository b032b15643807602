package uk.putitright.intake;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.putitright.complaint.Complaint;
import uk.putitright.process.CustomerMessage;

/** The complaints API; only logging a complaint is open to the public. */
@RestController
@RequestMapping(path = "/api/complaints", produces = "application/json")
public class ComplaintController {

    private final ComplaintIntake intake;

    public ComplaintController(ComplaintIntake intake) {
        this.intake = intake;
    }

    @PostMapping(consumes = "application/json")
    public ResponseEntity<Map<String, String>> log(@Valid @RequestBody NewComplaintRequest request) {
        Complaint complaint = intake.log(request);
        return ResponseEntity.created(URI.create("/api/complaints/" + complaint.getReference()))
                .body(Map.of("reference", complaint.getReference()));
    }

    @GetMapping("/{reference}")
    public ComplaintView get(@PathVariable String reference) {
        return intake.view(reference);
    }

    @PostMapping("/{reference}/escalation")
    public ResponseEntity<ComplaintView> escalate(@PathVariable String reference,
                                                  @Valid @RequestBody(required = false) EscalationRequest request) {
        return accepted(intake.escalate(reference, request));
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
