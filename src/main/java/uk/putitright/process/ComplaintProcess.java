package uk.putitright.process;

import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.complaint.Complaint;

/** Starts the complaint process for a stored complaint and passes the customer's messages to it. */
@Service
public class ComplaintProcess {

    private final RuntimeService runtime;

    public ComplaintProcess(RuntimeService runtime) {
        this.runtime = runtime;
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
     * Delivers a message to whichever part of the complaint's process (main or a stage) waits for it.
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
            runtime.createMessageCorrelation(message.messageName())
                    .processInstanceBusinessKey(complaint.getReference())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new StepNotOpenException(complaint.getReference(), message);
        }
    }
}
