package uk.putitright.process;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRepository;

/**
 * Names the case handler the acknowledgement letter introduces: a member of the policy's Stage 1 group
 * ({@code stage1Group}), preferring members of the complaint's service area group ({@code area-<serviceArea>}),
 * with the fewest open complaints (ties by user id, so the choice is repeatable). Nobody in the group
 * leaves the task with the group as a whole ({@code caseHandler} null).
 */
@Component("assignCaseHandler")
class AssignCaseHandlerDelegate implements JavaDelegate {

    static final String SERVICE_AREA_GROUP_PREFIX = "area-";

    private final ComplaintRecords records;
    private final ComplaintRepository complaints;

    AssignCaseHandlerDelegate(ComplaintRecords records, ComplaintRepository complaints) {
        this.records = records;
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = records.of(execution);
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        String roleGroup = (String) execution.getVariable(ProcessNames.STAGE1_GROUP);
        List<String> candidates = members(identity, roleGroup);
        if (complaint.getServiceArea() != null) {
            Set<String> areaMembers = Set.copyOf(members(identity, SERVICE_AREA_GROUP_PREFIX + complaint.getServiceArea()));
            List<String> inArea = candidates.stream().filter(areaMembers::contains).toList();
            if (!inArea.isEmpty()) {
                candidates = inArea;
            }
        }
        String handler = leastLoaded(candidates);
        complaint.assignCaseHandler(handler);
        execution.setVariable(ProcessNames.CASE_HANDLER, handler);
    }

    private static List<String> members(IdentityService identity, String group) {
        return identity.createUserQuery().memberOfGroup(group).unlimitedList().stream().map(User::getId).toList();
    }

    private String leastLoaded(List<String> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        Map<String, Long> open = new HashMap<>();
        for (Object[] row : complaints.countOpenByCaseHandler(candidates)) {
            open.put((String) row[0], (Long) row[1]);
        }
        return candidates.stream()
                .min(Comparator.<String>comparingLong(user -> open.getOrDefault(user, 0L))
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }
}
