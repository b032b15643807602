package uk.putitright.deployment;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class DeploymentConfig {

    /** After engine REST's authentication (SecurityConfig), so the filter knows who deploys. */
    @Bean
    FilterRegistrationBean<DeploymentRequestFilter> deploymentRequestFilter(ProcessEngine engine, DeploymentGate gate) {
        FilterRegistrationBean<DeploymentRequestFilter> registration =
                new FilterRegistrationBean<>(new DeploymentRequestFilter(engine, gate));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.setName("engine-rest-deployment-gate");
        return registration;
    }
}
