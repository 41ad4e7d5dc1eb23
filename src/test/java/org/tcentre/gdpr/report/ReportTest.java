package org.tcentre.gdpr.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.rules.Severity;

/** What the report model computes beyond copying the evaluation: packs, article coverage, the file. */
class ReportTest {

    private final Report report = Report.of(ReportSamples.small());

    @Test
    void counts_the_rule_packs_gdpr_first() {
        assertThat(report.packs()).containsExactly(new Report.RulePack("GDPR", 2),
                new Report.RulePack("ePrivacy Directive", 1));
    }

    @Test
    void every_article_cited_is_in_the_coverage_in_natural_order_with_the_rules_that_found_something() {
        assertThat(report.articleCoverage()).extracting(Report.ArticleCoverage::article)
                .containsExactly("Art. 5(1)(e)", "Art. 5(2)", "Art. 6(1)(f)", "Art. 13(2)(a)",
                        "ePrivacy Directive Art. 5(3)");
        Report.ArticleCoverage art6 = report.articleCoverage().get(2);
        assertThat(art6.status()).isEqualTo(Report.CoverageStatus.FINDING);
        assertThat(art6.rules()).containsExactly("LAW-002");
        assertThat(art6.foundBy()).containsExactly("LAW-002");
        assertThat(art6.findings()).isEqualTo(1);
        assertThat(art6.worst()).isEqualTo(Severity.HIGH);
    }

    @Test
    void an_article_whose_rules_found_nothing_is_checked() {
        var evaluation = ReportSamples.evaluation("Łódź", "Müller", "team", List.of(),
                List.of(ReportSamples.LAW_002, ReportSamples.COOK_001));
        assertThat(Report.of(evaluation).articleCoverage())
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(Report.CoverageStatus.CHECKED);
                    assertThat(a.findings()).isZero();
                    assertThat(a.foundBy()).isEmpty();
                    assertThat(a.worst()).isNull();
                })
                .hasSize(3);
    }

    @Test
    void carries_the_submitted_file_by_name_and_exact_bytes_and_the_declared_model() {
        assertThat(report.submitted().name()).isEqualTo("smart-meter.yaml");
        assertThat(report.submitted().bytes()).isEqualTo(ReportSamples.DECLARATION_BYTES);
        assertThat(report.declared().id()).isEqualTo("decl-smart-meter");
    }

    @Test
    void the_most_severe_findings_come_first() {
        assertThat(report.mostSevere(2)).extracting(f -> f.ruleId()).containsExactly("COOK-001", "LAW-002");
        assertThat(report.mostSevere(10)).hasSize(3);
    }
}
