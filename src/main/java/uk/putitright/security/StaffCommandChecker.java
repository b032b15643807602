package uk.putitright.security;

import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * The engine's authorization checks, less one gap: a job of no process (the history cleanup, batch jobs) needs
 * no permission at all in Camunda, so any logged-in user could run the history cleanup or change its retries.
 * Here only administrators may.
 */
class StaffCommandChecker extends AuthorizationCommandChecker {

    @Override
    public void checkUpdateJob(JobEntity job) {
        if (job.getProcessDefinitionKey() == null) {
            Context.getCommandContext().getAuthorizationManager().checkCamundaAdmin();
        } else {
            super.checkUpdateJob(job);
        }
    }

    @Override
    public void checkUpdateRetriesJob(JobEntity job) {
        if (job.getProcessDefinitionKey() == null) {
            Context.getCommandContext().getAuthorizationManager().checkCamundaAdmin();
        } else {
            super.checkUpdateRetriesJob(job);
        }
    }
}
