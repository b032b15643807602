package uk.putitright.audit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes {@link AuditEvent}s in the caller's transaction, so an action and its record stand or fall together. */
@Service
public class AuditLog {

    /** Who acted through the public pages or the public API. */
    public static final String CUSTOMER = "customer";

    private final AuditEventRepository events;

    AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    @Transactional
    public void record(Long complaintId, String actor, String action, String detail) {
        events.save(new AuditEvent(complaintId, ClockUtil.getCurrentTime().toInstant(), actor, action, detail));
    }
}
