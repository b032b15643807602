package uk.putitright.process;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Reads a step's extension properties (Modeler: "Extension properties") from the deployed model, so what a
 * process owner configures on a step costs no process variable and no history rows.
 */
public final class StepProperties {

    private StepProperties() {
    }

    /** The value of the step's camunda:property {@code name}, or null if it has none. */
    public static String of(BaseElement step, String name) {
        if (step == null || step.getExtensionElements() == null) {
            return null;
        }
        for (CamundaProperties properties : step.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (name.equals(property.getCamundaName())) {
                    return property.getCamundaValue();
                }
            }
        }
        return null;
    }
}
