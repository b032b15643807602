package uk.putitright.operations;

import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.apache.catalina.valves.ErrorReportValve;

@Configuration
class OperationsConfig {

    @Bean
    static EngineStartsAfterLiquibase engineStartsAfterLiquibase() {
        return new EngineStartsAfterLiquibase();
    }

    @Bean(ExistingEngineSchema.BEAN)
    @ConditionalOnProperty(name = "spring.liquibase.enabled", matchIfMissing = true)
    ExistingEngineSchema existingEngineSchema(DataSource dataSource,
            @Value("${spring.liquibase.change-log}") String changeLog) throws Exception {
        return new ExistingEngineSchema(dataSource, changeLog);
    }

    /** Outermost, so the security filters' own log lines for the request carry the reference too. */
    @Bean
    FilterRegistrationBean<ComplaintReferenceLogging> complaintReferenceLogging() {
        FilterRegistrationBean<ComplaintReferenceLogging> registration =
                new FilterRegistrationBean<>(new ComplaintReferenceLogging());
        registration.addUrlPatterns("/api/complaints/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Requests Tomcat refuses before Spring sees them (a malformed URL, say) get Tomcat's own error page: no
     * report (exception, stack trace) and no server version there either.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> quietTomcatErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            ErrorReportValve valve = new ErrorReportValve();
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            context.getParent().getPipeline().addValve(valve);
        });
    }
}
