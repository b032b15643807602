package uk.putitright.operations;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The group whose members may read /actuator/prometheus and the health details (besides camunda-admin):
 * an administrator adds the monitoring system's user to it in Camunda Admin. It grants nothing in the engine.
 */
@Component
class MonitoringGroup {

    static final String ID = "monitoring";

    private final IdentityService identity;

    MonitoringGroup(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIfMissing() {
        if (identity.createGroupQuery().groupId(ID).count() == 0) {
            Group group = identity.newGroup(ID);
            group.setName("Monitoring (metrics and health)");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
    }
}
