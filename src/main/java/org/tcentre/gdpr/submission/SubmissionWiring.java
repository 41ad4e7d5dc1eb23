package org.tcentre.gdpr.submission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tcentre.gdpr.system.ServiceProperties;

/** The submission queue, sized from {@code gdpr.submission-concurrency}. */
@Configuration(proxyBeanMethods = false)
class SubmissionWiring {

    @Bean
    SubmissionGate submissionGate(ServiceProperties properties) {
        return new SubmissionGate(properties.submissionConcurrency());
    }
}
