package uk.putitright.tasklist;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.learning.LearningRecorder;

/**
 * Puts the completion checks, free-text and four-eyes listeners and the read-only context of its form on every
 * user task of every deployed model, so a task a process owner adds in Modeler gets them too without touching
 * Java.
 */
@Component
class TaskListenersPlugin extends AbstractProcessEnginePlugin {

    private final TaskListener freeText;
    private final TaskListener fourEyes;
    private final TaskListener completionChecks;
    private final TaskListener learning;
    private final ObjectProvider<TaskFormContext> formContexts;
    private final LandlordProperties landlords;

    // lazy: the listeners need JPA, which must not be built while the engine is being configured
    TaskListenersPlugin(@Lazy FreeTextListener freeText, @Lazy FourEyesRule fourEyes,
                        @Lazy CompletionChecks completionChecks, @Lazy LearningRecorder learning,
                        ObjectProvider<TaskFormContext> formContexts, LandlordProperties landlords) {
        this.learning = learning;
        this.landlords = landlords;
        this.formContexts = formContexts;
        this.freeText = freeText;
        this.fourEyes = fourEyes;
        this.completionChecks = completionChecks;
    }

    /** {@code landlordHasBusinessLines}: Housing Plus has business lines; Chorus Homes and emh have none. */
    private Map<String, Object> startFormContext() {
        return Map.of("landlordHasBusinessLines", landlords.get(landlords.landlord()).defaultBusinessLine() != null);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // who may hand a task to whom, or comment on it (after the command context opens, before the command)
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new TaskChangeRules());
        if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new TaskChangeRules());
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                // checks first, so nothing else runs for a completion they refuse
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, completionChecks);
                // before the free-text listener moves the response's free text out of the process
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, learning);
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, freeText);
                for (String event : new String[] {TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE}) {
                    definition.addTaskListener(event, fourEyes);
                }
                // the form shows the case as it is when opened, read from our tables, not copied into the engine
                definition.setTaskFormHandler(new FormContextHandler(definition.getTaskFormHandler(),
                        formContexts::orderedStream));
            }

            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                // start forms show only the fields that apply to this installation's landlord
                if (processDefinition.getStartFormHandler() != null) {
                    processDefinition.setStartFormHandler(new StartFormContextHandler(
                            processDefinition.getStartFormHandler(), TaskListenersPlugin.this::startFormContext));
                }
            }
        });
    }
}
