package uk.putitright.cases;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.putitright.tasklist.Role;

/**
 * Which complaints a team has work on: those with an open task offered to the team (its candidate group).
 * Read as the engine itself: the reader's own Camunda authorizations cover only their own group's tasks, and
 * a manager filters across teams (the HTTP layer has checked the reader).
 */
@Component
class CaseTeams {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;

    CaseTeams(TaskService tasks, RuntimeService runtime, IdentityService identity) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** The teams a search can filter on: every staff role's group. */
    Set<String> teams() {
        Set<String> teams = new java.util.TreeSet<>();
        for (Role role : Role.values()) {
            teams.add(role.groupId());
        }
        return teams;
    }

    /** The references of the complaints with an open task for the team. */
    Set<String> referencesOf(String team) {
        return EngineReads.asEngine(identity, () -> {
            List<Task> open = tasks.createTaskQuery().taskCandidateGroup(team).unlimitedList();
            Set<String> instanceIds = new HashSet<>();
            open.forEach(task -> instanceIds.add(task.getProcessInstanceId()));
            return businessKeys(instanceIds);
        });
    }

    /** For every team, the references it has work on (for the team filter's counts). */
    Map<String, Set<String>> referencesByTeam() {
        Map<String, Set<String>> byTeam = new LinkedHashMap<>();
        teams().forEach(team -> byTeam.put(team, referencesOf(team)));
        return byTeam;
    }

    private Set<String> businessKeys(Collection<String> instanceIds) {
        Set<String> references = new HashSet<>();
        if (instanceIds.isEmpty()) {
            return references;
        }
        runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(instanceIds)).unlimitedList().stream()
                .map(ProcessInstance::getBusinessKey).filter(key -> key != null).forEach(references::add);
        return references;
    }
}
