package uk.putitright.cases;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;
import uk.putitright.tasklist.Role;

/**
 * Which complaints a team has work on: those with an open, unassigned task offered to the team (its candidate
 * group), as the engine's {@code taskCandidateGroup} query finds them. Read in SQL over the engine's runtime
 * tables (names from the engine, so a table prefix is honoured): the search filters and counts every team in
 * one statement with its other conditions, where asking the engine took two queries per team and a list of
 * references as long as the team's work. Tasks hold no personal data; the HTTP layer has checked the reader.
 */
@Component
class CaseTeams {

    private final ManagementService management;
    private final IdentityService identity;
    private volatile String workSql;

    CaseTeams(ManagementService management, IdentityService identity) {
        this.management = management;
        this.identity = identity;
    }

    /** The teams a search can filter on: every staff role's group. */
    Set<String> teams() {
        Set<String> teams = new TreeSet<>();
        for (Role role : Role.values()) {
            teams.add(role.groupId());
        }
        return teams;
    }

    /**
     * A select of {@code reference, team}: each complaint (by its process instance's business key) with an open
     * unassigned task for a team among {@code :teams}, once per team.
     */
    String workSql() {
        if (workSql == null) {
            // asking the engine for its table names takes an administrator: asked once, as the engine
            workSql = EngineReads.asEngine(identity, this::work);
        }
        return workSql;
    }

    private String work() {
        return "select distinct e.BUSINESS_KEY_ as reference, i.GROUP_ID_ as team"
                + " from " + management.getTableName(TaskEntity.class) + " t"
                + " join " + management.getTableName(IdentityLinkEntity.class) + " i on i.TASK_ID_ = t.ID_"
                + " join " + management.getTableName(ExecutionEntity.class) + " e on e.ID_ = t.PROC_INST_ID_"
                + " where t.ASSIGNEE_ is null and i.TYPE_ = 'candidate' and i.GROUP_ID_ in (:teams)"
                + " and e.BUSINESS_KEY_ is not null";
    }
}
