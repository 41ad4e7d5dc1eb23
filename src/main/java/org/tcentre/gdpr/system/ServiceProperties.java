package org.tcentre.gdpr.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's own settings ({@code gdpr.*}); {@code serve} sets the first three from its options.
 *
 * @param dataDir               where the embedded database lives (ignored when {@code spring.datasource.url}
 *                              names another database, such as PostgreSQL)
 * @param rules                 the rule-set directory, loaded at start-up and on reload
 * @param reportWording         the directory holding {@code wording.yaml}, the PDF report's texts
 * @param maxDeclarationSize    the largest declaration accepted; larger bodies get 413
 * @param ruleSetPollInterval   how often an instance checks whether another one activated a new rule set
 * @param submissionConcurrency how many submissions are read, evaluated and stored at once; the others wait
 *                              their turn in arrival order. 0 (the default): one per core, right for the
 *                              embedded database; raise it when a remote database makes submissions wait on it
 */
@ConfigurationProperties("gdpr")
public record ServiceProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("rules") Path rules,
        @DefaultValue("reports") Path reportWording,
        @DefaultValue("2MB") DataSize maxDeclarationSize,
        @DefaultValue("10s") Duration ruleSetPollInterval,
        @DefaultValue("0") int submissionConcurrency) {
}
