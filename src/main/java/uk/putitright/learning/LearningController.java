package uk.putitright.learning;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.putitright.audit.AuditLog;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRegister;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.intake.InvalidFieldException;

/** Improvement actions raised by complaints, and the customers' answers to the satisfaction survey. */
@RestController
class LearningController {

    record ImprovementActionView(Long id, String complaintReference, String description, String ownerGroup,
                                 LocalDate dueOn, String status, boolean overdue, String createdBy,
                                 Instant createdAt, String completedBy, Instant completedAt, String completionNote) {
    }

    /** What the customer answered (by phone, letter or the link in the survey letter), recorded by staff. */
    record SurveyAnswer(Integer rating) {
    }

    private final ImprovementActionRepository actions;
    private final SurveyResponseRepository surveys;
    private final ComplaintRegister register;
    private final ComplaintRepository complaints;
    private final AuditLog audit;
    private final WorkingDays workingDays;

    LearningController(ImprovementActionRepository actions, SurveyResponseRepository surveys,
                       ComplaintRegister register, ComplaintRepository complaints, AuditLog audit,
                       WorkingDays workingDays) {
        this.actions = actions;
        this.surveys = surveys;
        this.register = register;
        this.complaints = complaints;
        this.audit = audit;
        this.workingDays = workingDays;
    }

    @GetMapping(path = "/api/improvement-actions", produces = "application/json")
    @Transactional(readOnly = true)
    public List<ImprovementActionView> improvementActions() {
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(workingDays.zone()).toLocalDate();
        return actions.findAllByOrderByDueOnAscIdAsc().stream().map(action -> new ImprovementActionView(
                action.getId(), complaints.findById(action.getComplaintId()).map(Complaint::getReference).orElse(null),
                action.getDescription(), action.getOwnerGroup(), action.getDueOn(), action.getStatus().name(),
                action.isOverdue(today), action.getCreatedBy(), action.getCreatedAt(), action.getCompletedBy(),
                action.getCompletedAt(), action.getCompletionNote())).toList();
    }

    /** One answer per complaint, once it is closed; 1 very dissatisfied .. 5 very satisfied. */
    @PostMapping(path = "/api/complaints/{reference}/survey-response", consumes = "application/json",
            produces = "application/json")
    @Transactional
    public ResponseEntity<SurveyAnswer> recordSurveyAnswer(@PathVariable String reference,
                                                           @RequestBody SurveyAnswer answer, Authentication user) {
        if (answer == null || answer.rating() == null || answer.rating() < 1 || answer.rating() > 5) {
            throw new InvalidFieldException("rating", "must be a whole number from 1 (very dissatisfied) to 5 (very satisfied)");
        }
        Complaint complaint = register.find(reference);
        if (complaint.isOpen()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "The survey is about a closed complaint; " + reference + " is still open");
        }
        if (surveys.findByComplaintId(complaint.getId()).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "The customer's survey answer for " + reference + " is already recorded");
        }
        surveys.save(new SurveyResponse(complaint.getId(), answer.rating(), user.getName(),
                ClockUtil.getCurrentTime().toInstant()));
        audit.record(complaint.getId(), user.getName(), "SURVEY_ANSWER_RECORDED", "rating " + answer.rating());
        return ResponseEntity.created(URI.create("/api/complaints/" + reference + "/survey-response")).body(answer);
    }
}
