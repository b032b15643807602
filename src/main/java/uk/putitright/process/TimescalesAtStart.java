package uk.putitright.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.putitright.policy.ComplaintPolicy;

/**
 * Gives every process instance of a complaint the policy's task timescales ({@link ProcessNames#TASK_TIMESCALES},
 * {@link ProcessNames#BREACH_REVIEW_WORKING_DAYS}) it was not handed: a stage started by a complaint that began
 * before the timescales were in the policy (its call activity passes none) still gets its due dates, from the
 * complaint's own policy row. Migration fills the same variables ({@link #missing}) on instances it moves.
 */
@Component
public class TimescalesAtStart extends AbstractProcessEnginePlugin implements ExecutionListener {

    private final ComplaintRecords records;
    private final ComplaintPolicy policies;

    // lazy: JPA must not be built while the engine is being configured
    TimescalesAtStart(@Lazy ComplaintRecords records, @Lazy ComplaintPolicy policies) {
        this.records = records;
        this.policies = policies;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addListener(ExecutionListener.EVENTNAME_START, TimescalesAtStart.this);
            }
        });
    }

    @Override
    public void notify(DelegateExecution execution) {
        missing(execution.getVariables()).forEach(execution::setVariable);
    }

    /** The timescales an instance with these variables lacks, from its complaint's policy row (none without one). */
    public Map<String, Object> missing(Map<String, Object> variables) {
        List<String> absent = Stream.concat(ProcessNames.TASK_TIMESCALES.stream(),
                Stream.of(ProcessNames.BREACH_REVIEW_WORKING_DAYS)).filter(name -> variables.get(name) == null).toList();
        if (absent.isEmpty() || !(variables.get(ProcessNames.COMPLAINT_ID) instanceof Number id)) {
            return Map.of();
        }
        Map<String, Object> policy = policies.of(records.of(id.longValue()));
        Map<String, Object> missing = new LinkedHashMap<>();
        absent.forEach(name -> missing.put(name, policy.get(name)));
        return missing;
    }
}
