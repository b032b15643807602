package uk.putitright.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.springframework.stereotype.Component;

/** The engine's checks with our addition, {@link StaffCommandChecker}. */
@Component
class StaffRightsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandChecker> checkers = new ArrayList<>();
        checkers.add(new TenantCommandChecker());
        checkers.add(new StaffCommandChecker());
        configuration.setCommandCheckers(checkers);
    }
}
