package uk.putitright.process;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Full history (every activity, task, variable, decision and operation, as auditors need) except the
 * values of {@link FormVariables#NOT_IN_HISTORY}: personal data and free text live in our own tables,
 * where erasure and retention are ours to enforce.
 */
public class PersonalDataHistoryLevel implements HistoryLevel {

    public static final String NAME = "full-without-personal-data";

    @Override
    public int getId() {
        return 31;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
            return false; // submitted form values are recorded as variables, filtered below
        }
        if (entity instanceof VariableInstance variable && FormVariables.NOT_IN_HISTORY.contains(variable.getName())) {
            return false;
        }
        return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
}
