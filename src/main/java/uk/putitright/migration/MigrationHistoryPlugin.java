package uk.putitright.migration;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hears the engine's "process instance migrated" history event (fired in the batch job that moves the
 * instance, next to the engine's own history) and hands it to {@link MigrationTimeline}. The engine's
 * database history handler stays on.
 */
@Component
class MigrationHistoryPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<MigrationTimeline> timeline;

    MigrationHistoryPlugin(ObjectProvider<MigrationTimeline> timeline) {
        this.timeline = timeline;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new MigratedInstances());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private final class MigratedInstances implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricProcessInstanceEventEntity instance
                    && event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_MIGRATE)) {
                timeline.getObject().instanceMigrated(instance.getProcessInstanceId(),
                        instance.getProcessDefinitionId());
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
