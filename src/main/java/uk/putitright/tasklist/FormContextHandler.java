package uk.putitright.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cmd.AbstractGetDeployedFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.type.BooleanFormType;
import org.camunda.bpm.engine.impl.form.type.LongFormType;
import org.camunda.bpm.engine.impl.form.type.StringFormType;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Adds every {@link TaskFormContext} to a user task's form data as read-only form fields, so Tasklist's form
 * variables (GET /task/{id}/form-variables, what a Camunda Form is filled from) carry it while nothing is
 * written to the engine when the task opens. Everything else is the model's own form handler.
 */
final class FormContextHandler implements TaskFormHandler {

    private final TaskFormHandler modelled;
    private final Supplier<Stream<TaskFormContext>> contexts;

    FormContextHandler(TaskFormHandler modelled, Supplier<Stream<TaskFormContext>> contexts) {
        this.modelled = modelled;
        this.contexts = contexts;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
        TaskFormData form = modelled.createTaskForm(task);
        if (onlyTheFormKeyIsWanted()) {
            return form;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        contexts.get().forEach(context -> shown.putAll(context.of(task)));
        if (shown.isEmpty() || !(form instanceof FormDataImpl data)) {
            return form;
        }
        List<FormField> fields = new ArrayList<>(data.getFormFields());
        Set<String> modelledFields = fields.stream().map(FormField::getId).collect(Collectors.toSet());
        shown.forEach((key, value) -> {
            // a value a context does not have (no team named, no earlier note) is not shown
            if (value != null && !modelledFields.contains(key)) {
                fields.add(field(key, value));
            }
        });
        data.setFormFields(fields);
        return form;
    }

    /**
     * Tasklist opens a task with three calls: the form key (GET /task/{id}/form), the form itself
     * (/deployed-form) and its variables (/form-variables). Only the last shows the case, so the first two
     * do not read it.
     */
    private static boolean onlyTheFormKeyIsWanted() {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation != null && (invocation.getCommand() instanceof GetTaskFormCmd
                || invocation.getCommand() instanceof AbstractGetDeployedFormCmd);
    }

    /** A read-only field with its typed value (the type only matters to generated forms, which we do not use). */
    static FormField field(String key, Object value) {
        FormFieldImpl field = new FormFieldImpl();
        field.setId(key);
        field.setLabel(key);
        if (value instanceof Integer number) {
            field.setType(new LongFormType());
            field.setValue(Variables.integerValue(number));
        } else if (value instanceof Long number) {
            field.setType(new LongFormType());
            field.setValue(Variables.longValue(number));
        } else if (value instanceof Boolean flag) {
            field.setType(new BooleanFormType());
            field.setValue(Variables.booleanValue(flag));
        } else {
            field.setType(new StringFormType());
            field.setValue(Variables.stringValue(value.toString()));
        }
        return field;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                                   ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
        modelled.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
        modelled.submitFormVariables(properties, variableScope);
    }
}
