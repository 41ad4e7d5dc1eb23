package org.tcentre.gdpr.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html): every call needs a bearer token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info().title("GDPR checker API").version("v1")
                        .description("Submit declarations, read evaluations and reports, the rule set and the audit trail. "
                                + "See docs/api.md."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token from `gdpr-checker users add`")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
