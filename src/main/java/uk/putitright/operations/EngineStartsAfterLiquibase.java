package uk.putitright.operations;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The Camunda starter builds the process engine in its {@code processEngineFactoryBean}, which knows nothing
 * of Liquibase: without this the engine could start on a database whose tables Liquibase has not made yet
 * (schema-update is off, so it would fail). Spring Boot runs Liquibase
 * before Flyway (spring.flyway.baseline-on-migrate lets Flyway start its history on the engine's tables).
 * Registered as a static bean (OperationsConfig) so it runs before any bean is created.
 */
class EngineStartsAfterLiquibase implements BeanFactoryPostProcessor {

    static final String ENGINE_BEAN = "processEngineFactoryBean";
    static final String LIQUIBASE_BEAN = "liquibase";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(ENGINE_BEAN) || !beanFactory.containsBeanDefinition(LIQUIBASE_BEAN)) {
            return;
        }
        addDependsOn(beanFactory, ENGINE_BEAN, LIQUIBASE_BEAN);
        // a database made by the engine's schema-update before Liquibase took over is adopted first
        addDependsOn(beanFactory, LIQUIBASE_BEAN, ExistingEngineSchema.BEAN);
    }

    private static void addDependsOn(ConfigurableListableBeanFactory beanFactory, String bean, String dependency) {
        if (!beanFactory.containsBeanDefinition(dependency)) {
            return;
        }
        BeanDefinition definition = beanFactory.getBeanDefinition(bean);
        String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
        definition.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(dependency)).distinct()
                .toArray(String[]::new));
    }
}
