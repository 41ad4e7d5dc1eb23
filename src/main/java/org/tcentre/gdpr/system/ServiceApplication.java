package org.tcentre.gdpr.system;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service that {@code serve} starts: the same jar as the CLI, with Spring, the web server and the
 * database. Only this class (and {@link AdminContext} for operator commands) starts Spring; {@code check} and
 * {@code rules} never do.
 *
 * <p>No user-details service is configured (Spring Boot would otherwise print a generated password): every
 * user is provisioned by an operator with {@code users add}, and authenticates with its API token.
 */
@SpringBootApplication(scanBasePackages = "org.tcentre.gdpr", exclude = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties(ServiceProperties.class)
@EnableScheduling
public class ServiceApplication {

    /**
     * Starts the service and returns once it accepts requests.
     *
     * @param args Spring Boot arguments ({@code --server.port=8081}, {@code --gdpr.data-dir=...}, ...)
     */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(ServiceApplication.class);
        return application.run(args);
    }
}
