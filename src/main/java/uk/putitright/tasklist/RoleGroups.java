package uk.putitright.tasklist;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Creates a Camunda group per {@link Role} when the engine starts, if it is missing. */
@Component
class RoleGroups {

    private final IdentityService identity;

    RoleGroups(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createMissingGroups() {
        for (Role role : Role.values()) {
            if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
                Group group = identity.newGroup(role.groupId());
                group.setName(role.displayName());
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
        }
    }
}
