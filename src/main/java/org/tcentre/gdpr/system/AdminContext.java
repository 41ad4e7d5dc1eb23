package org.tcentre.gdpr.system;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.tcentre.gdpr.access.UserAccounts;
import org.tcentre.gdpr.audit.AuditLog;
import org.tcentre.gdpr.waiver.Waivers;

/**
 * A small Spring context for operator commands ({@code users}, {@code audit verify}, {@code waivers}): the same database
 * configuration as the service (application.properties, environment, {@code --spring.datasource.*}), Flyway,
 * the user accounts, the waivers and the audit trail; no web server, no rule set. Deliberately not a
 * {@code @Configuration}, so the service's component scan never picks it up.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class,
        TransactionAutoConfiguration.class})
@Import({UserAccounts.class, AuditLog.class, Waivers.class})
@EnableConfigurationProperties(ServiceProperties.class)
public class AdminContext {

    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    /** Opens the database (migrating it if needed); close the context when done. */
    public static ConfigurableApplicationContext open(String... args) {
        return new SpringApplicationBuilder(AdminContext.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }
}
