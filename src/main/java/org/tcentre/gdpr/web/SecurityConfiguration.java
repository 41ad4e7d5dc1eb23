package org.tcentre.gdpr.web;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.tcentre.gdpr.access.Role;
import org.tcentre.gdpr.access.UserAccounts;
import org.tcentre.gdpr.system.ServiceProperties;

/**
 * Who may call what. Every path not listed is denied; team scoping (a product team sees its own team's data
 * only) is applied where the data is read, in {@code submission.Submissions}.
 *
 * <p>Stateless: no session, no cookie, so no CSRF token; every request carries its bearer token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String PRODUCT_TEAM = Role.PRODUCT_TEAM.name();
    private static final String PRIVACY_OFFICER = Role.PRIVACY_OFFICER.name();
    private static final String REGULATOR = Role.REGULATOR.name();

    @Bean
    SecurityFilterChain api(HttpSecurity http, UserAccounts accounts) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(anonymous -> { })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(accounts), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                                    "This needs an API token: Authorization: Bearer TOKEN.", request.getRequestURI());
                        })
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "Your role does not allow this.", request.getRequestURI())))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(POST, "/api/v1/declarations").hasRole(PRODUCT_TEAM)
                        .requestMatchers(GET, "/api/v1/evaluations/**", "/api/v1/products/**")
                                .hasAnyRole(PRODUCT_TEAM, PRIVACY_OFFICER, REGULATOR)
                        // Waivers: privacy officers grant and revoke; everyone reads (product teams only their
                        // own products', scoped in waiver.Waivers). GET /api/v1/products/{id}/waivers is under products/**.
                        .requestMatchers(GET, "/api/v1/waivers", "/api/v1/waivers/*")
                                .hasAnyRole(PRODUCT_TEAM, PRIVACY_OFFICER, REGULATOR)
                        .requestMatchers(POST, "/api/v1/waivers").hasRole(PRIVACY_OFFICER)
                        .requestMatchers(DELETE, "/api/v1/waivers/*").hasRole(PRIVACY_OFFICER)
                        .requestMatchers(GET, "/api/v1/rules", "/api/v1/rulesets/active")
                                .hasAnyRole(PRODUCT_TEAM, PRIVACY_OFFICER, REGULATOR)
                        .requestMatchers(POST, "/api/v1/rules/reload", "/api/v1/rulesets/active/reload")
                                .hasRole(PRIVACY_OFFICER)
                        .requestMatchers(POST, "/api/v1/rules/impact").hasRole(PRIVACY_OFFICER)
                        .requestMatchers(GET, "/api/v1/audit", "/api/v1/audit/verify").hasAnyRole(PRIVACY_OFFICER, REGULATOR)
                        .requestMatchers(GET, "/actuator/**").hasRole(PRIVACY_OFFICER)
                        .anyRequest().denyAll());
        return http.build();
    }

    /** Uploads obey the same limit as request bodies, plus room for the multipart framing. */
    @Bean
    MultipartConfigElement multipartConfig(ServiceProperties properties) {
        long limit = properties.maxDeclarationSize().toBytes();
        return new MultipartConfigElement("", limit, limit + 64 * 1024, (int) Math.min(limit, Integer.MAX_VALUE));
    }
}
