package uk.putitright.process;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.audit.AuditLog;
import uk.putitright.complaint.Complaint;
import uk.putitright.security.SystemRights;

/** Starts the complaint process for a stored complaint and passes the customer's messages to it. */
@Service
public class ComplaintProcess {

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final AuditLog audit;
    private final SystemRights systemRights;

    public ComplaintProcess(RuntimeService runtime, IdentityService identity, AuditLog audit,
                            SystemRights systemRights) {
        this.runtime = runtime;
        this.identity = identity;
        this.audit = audit;
        this.systemRights = systemRights;
    }

    /** Runs in the caller's transaction: the complaint and its process are stored together or not at all. */
    @Transactional
    public void start(Complaint complaint) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessNames.COMPLAINT_PROCESS,
                complaint.getReference(), Map.of(
                        ProcessNames.COMPLAINT_ID, complaint.getId(),
                        ProcessNames.REFERENCE, complaint.getReference(),
                        ProcessNames.LANDLORD, complaint.getLandlord(),
                        ProcessNames.BUSINESS_LINE, complaint.getBusinessLine() == null ? "" : complaint.getBusinessLine(),
                        ProcessNames.HAS_REPRESENTATIVE, complaint.hasRepresentative()));
        complaint.linkProcess(instance.getId());
    }

    /**
     * Delivers a message to whichever part of the complaint's process (main or a stage) waits for it. Who may
     * pass which message is the endpoint's rule (SecurityConfig), so the delivery itself runs with the
     * application's rights: no role needs UPDATE_INSTANCE on the complaint's processes, which would let it
     * rewrite them through the engine API. It is recorded in our audit log with the caller.
     *
     * @throws StepNotOpenException when nothing waits for it now
     */
    @Transactional
    public void send(Complaint complaint, CustomerMessage message) {
        // an Ombudsman enquiry may come after closure; nothing else may change a closed complaint
        if (!complaint.isOpen() && message != CustomerMessage.OMBUDSMAN_ENQUIRY) {
            throw new StepNotOpenException(complaint.getReference(), message);
        }
        try {
            systemRights.run(() -> runtime.createMessageCorrelation(message.messageName())
                    .processInstanceBusinessKey(complaint.getReference())
                    .correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            throw new StepNotOpenException(complaint.getReference(), message);
        }
        if (message == CustomerMessage.OMBUDSMAN_ENQUIRY) {
            complaint.markOmbudsmanEnquiry(ClockUtil.getCurrentTime().toInstant());
        }
        audit.record(complaint.getId(), actor(), "MESSAGE_" + message.name(), message.messageName());
    }

    /** The member of staff who passed the message on (our API, Tasklist), else the customer (public pages). */
    private String actor() {
        Authentication current = identity.getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : AuditLog.CUSTOMER;
    }
}
