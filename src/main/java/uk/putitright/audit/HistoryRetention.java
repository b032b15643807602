package uk.putitright.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.ComplaintRepository;

/**
 * How long complaint records are kept ({@code putitright.audit.retention-days}, default 6 years): every
 * deployed process and decision gets that history time-to-live, so the engine's history cleanup (in the
 * window configured under camunda.bpm.generic-properties) removes their history once it has passed, and a
 * nightly job erases the personal data of complaints closed longer ago than that, keeping the anonymous facts.
 */
@Component
class HistoryRetention {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final RepositoryService repository;
    private final ComplaintRepository complaints;
    private final PersonalDataErasure erasure;
    private final int retentionDays;

    HistoryRetention(RepositoryService repository, ComplaintRepository complaints, PersonalDataErasure erasure,
                     @Value("${putitright.audit.retention-days:2190}") int retentionDays) {
        this.repository = repository;
        this.complaints = complaints;
        this.erasure = erasure;
        this.retentionDays = retentionDays;
    }

    /** Models carry a time-to-live for Modeler's sake; the configured retention is the one that counts. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void applyRetentionToDefinitions() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            if (!Integer.valueOf(retentionDays).equals(definition.getHistoryTimeToLive())) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), retentionDays);
            }
        }
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
            if (!Integer.valueOf(retentionDays).equals(definition.getHistoryTimeToLive())) {
                repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), retentionDays);
            }
        }
    }

    /** Nightly: complaints closed more than the retention period ago lose their personal data. */
    @Scheduled(cron = "${putitright.audit.retention-cron:0 30 2 * * *}", zone = "Europe/London")
    void erasePastRetention() {
        Instant cutOff = ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(retentionDays));
        List<String> due = complaints.findClosedBeforeAndNotAnonymised(cutOff);
        due.forEach(reference -> erasure.erase(reference, "retention", "retention period of " + retentionDays
                + " days ended"));
        if (!due.isEmpty()) {
            log.info("Erased personal data of {} complaints closed before {}", due.size(), cutOff);
        }
    }
}
