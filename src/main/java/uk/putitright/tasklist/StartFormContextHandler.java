package uk.putitright.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Adds what the installation knows (e.g. whether its landlord has business lines) to a start form's data, so
 * Tasklist's start form variables (GET /process-definition/{id}/form-variables) let the Camunda Form show
 * only the fields that apply. Nothing is written to the engine; everything else is the model's own handler.
 */
final class StartFormContextHandler implements StartFormHandler {

    private final StartFormHandler modelled;
    private final Supplier<Map<String, Object>> context;

    StartFormContextHandler(StartFormHandler modelled, Supplier<Map<String, Object>> context) {
        this.modelled = modelled;
        this.context = context;
    }

    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
        StartFormData form = modelled.createStartFormData(processDefinition);
        if (!(form instanceof FormDataImpl data)) {
            return form;
        }
        List<FormField> fields = new ArrayList<>(data.getFormFields());
        context.get().forEach((key, value) -> {
            if (value != null && fields.stream().noneMatch(f -> f.getId().equals(key))) {
                fields.add(FormContextHandler.field(key, value));
            }
        });
        data.setFormFields(fields);
        return form;
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
