package uk.putitright.process;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.BaseElement;

/**
 * What a user task is to the rules in Java (four eyes, the completion checks, outcome and root-cause recording,
 * the informal stage's end on the timeline): the extension property {@code taskRole} of the task in the model
 * (Modeler: the user-task templates' "Task role"), so renaming or moving a task keeps its rules, and the
 * deployment gate refuses a new version that drops a role the deployed version has.
 */
public enum TaskRole {
    /** Stage 1 investigation: answers Stage 1 (stage1Decision RESPOND) or asks for an extension (EXTEND). */
    STAGE_1_INVESTIGATION,
    /** Stage 1 response after an extension. */
    STAGE_1_EXTENDED_RESPONSE,
    /** Stage 2 review: answers Stage 2 (stage2Decision RESPOND) or asks for an extension (EXTEND). */
    STAGE_2_REVIEW,
    /** Stage 2 response after an extension. */
    STAGE_2_EXTENDED_RESPONSE,
    /** A director signs off the Stage 2 response; never its author (four eyes). */
    STAGE_2_SIGN_OFF,
    /** The informal stage: its end is when the informal deadline was met. */
    PUT_IT_RIGHT;

    public static final String PROPERTY = "taskRole";

    /** The role of the task's element in its deployed model, if it has one. */
    public static Optional<TaskRole> of(DelegateTask task) {
        return of(task.getBpmnModelElementInstance());
    }

    /** The role of a model element, if it has one (an unknown value is no role; the gate refuses it). */
    public static Optional<TaskRole> of(BaseElement element) {
        String value = StepProperties.of(element, PROPERTY);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip()));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    public boolean is(DelegateTask task) {
        return of(task).orElse(null) == this;
    }
}
