package org.tcentre.gdpr.system;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.report.ReportWording;
import org.tcentre.gdpr.report.pdf.PdfReportWriter;

/**
 * The plain objects the CLI builds with {@code new}, as beans of the service: one shared, thread-safe
 * instance of each.
 */
@Configuration(proxyBeanMethods = false)
class ServiceWiring {

    /** Milliseconds: what reports print, and what the database keeps exactly. */
    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Bean
    DeclarationReader declarationReader(ServiceProperties properties) {
        return new DeclarationReader(Math.toIntExact(properties.maxDeclarationSize().toBytes()));
    }

    @Bean
    DeclarationCheck declarationCheck(Clock clock) {
        return new DeclarationCheck(clock);
    }

    /** Read once at start-up: a missing or broken wording file stops the service before it serves anything. */
    @Bean
    PdfReportWriter pdfReportWriter(ServiceProperties properties) {
        return new PdfReportWriter(ReportWording.load(properties.reportWording()));
    }
}
