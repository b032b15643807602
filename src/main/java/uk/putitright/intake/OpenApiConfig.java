package uk.putitright.intake;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of our API ({@code /api/**}) at {@code /v3/api-docs}, browsable at
 * {@code /swagger-ui/index.html}. Staff calls need HTTP Basic (Camunda users); logging a complaint is public.
 * Camunda's engine REST API has its own documentation and is not listed.
 */
@Configuration
class OpenApiConfig {

    static final String STAFF = "staff";

    @Bean
    OpenAPI putItRightApi() {
        return new OpenAPI()
                .info(new Info().title("Put It Right API").version("v1")
                        .description("Complaints for UK social landlords: the public logs a complaint; staff follow "
                                + "it and pass on the customer's requests (escalation, withdrawal, panel referral)."))
                .components(new Components().addSecuritySchemes(STAFF, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Camunda user name and password")))
                .addSecurityItem(new SecurityRequirement().addList(STAFF));
    }
}
