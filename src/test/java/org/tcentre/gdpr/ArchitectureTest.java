package org.tcentre.gdpr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries that keep the product easy to see whole, stated as tests. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tcentre.gdpr");
    }

    @Test
    void the_declaration_model_depends_on_nothing_else_in_the_project() {
        noClasses().that().resideInAPackage("org.tcentre.gdpr.declaration..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.tcentre.gdpr.rules..", "org.tcentre.gdpr.evaluation..", "org.tcentre.gdpr.report..",
                        "org.tcentre.gdpr.cli..", "org.tcentre.gdpr.rulecases..", "org.tcentre.gdpr.audit..",
                        "org.tcentre.gdpr.access..", "org.tcentre.gdpr.submission..", "org.tcentre.gdpr.system..",
                        "org.tcentre.gdpr.web..")
                .check(classes);
    }

    @Test
    void only_web_knows_http() {
        noClasses().that().resideOutsideOfPackage("org.tcentre.gdpr.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                        "org.springframework.security..", "jakarta.servlet..", "io.swagger..", "org.springdoc..")
                .check(classes);
    }

    @Test
    void the_audit_trail_depends_on_no_feature() {
        noClasses().that().resideInAPackage("org.tcentre.gdpr.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tcentre.gdpr.access..", "org.tcentre.gdpr.submission..",
                        "org.tcentre.gdpr.system..", "org.tcentre.gdpr.web..", "org.tcentre.gdpr.cli..")
                .check(classes);
    }

    @Test
    void reports_never_touch_the_rules_engine() {
        noClasses().that().resideInAPackage("org.tcentre.gdpr.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void only_the_cli_knows_picocli() {
        noClasses().that().resideOutsideOfPackage("org.tcentre.gdpr.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void loading_rules_does_not_depend_on_evaluating_them() {
        noClasses().that().resideInAPackage("org.tcentre.gdpr.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tcentre.gdpr.evaluation..", "org.tcentre.gdpr.report..")
                .check(classes);
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("org.tcentre.gdpr.(*)..").should().beFreeOfCycles().check(classes);
    }
}
