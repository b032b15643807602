package uk.putitright.tasklist;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Something a task form shows read-only (the complaint, the feedback, the improvement action), read from our
 * tables when the form is opened and added to the task's form variables, so the engine keeps no copy of it.
 * Every bean of this type is asked for every user task; each answers only for tasks it knows.
 */
interface TaskFormContext {

    /** The values the form shows, by form field key (null: nothing to show); empty for a task it is not about. */
    Map<String, Object> of(DelegateTask task);
}
