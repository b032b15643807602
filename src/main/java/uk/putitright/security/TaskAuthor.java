package uk.putitright.security;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting on a task: for the notes, four-eyes checks and records that name a member of staff. */
public final class TaskAuthor {

    private TaskAuthor() {
    }

    /** Whoever is logged in and completing the task, else its assignee. */
    public static String of(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
    }
}
