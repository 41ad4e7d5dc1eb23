package org.tcentre.gdpr.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.report.ReportSamples;
import org.tcentre.gdpr.rules.Severity;

/**
 * Which findings a waiver waives, and what waived findings count for. The sample evaluation (of product
 * smart-meter, on 2025-03-14) has COOK-001 CRITICAL product-wide, LAW-002 HIGH in activity analytics and
 * RET-001 MEDIUM in activity meter-readings.
 */
class WaiversTest {

    static final LocalDate TODAY = LocalDate.parse("2025-03-14");
    final Evaluation sample = ReportSamples.small();

    static Waiver waiver(String id, String product, String rule, String activity, LocalDate expires) {
        return new Waiver(id, product, rule, activity, "Accepted until the redesign.", "Z. Wiśniewska, DPO", expires);
    }

    static List<String> waivedRules(Evaluation evaluation) {
        return evaluation.waived().stream().map(Finding::ruleId).toList();
    }

    @Test
    void a_waiver_for_the_product_rule_and_activity_waives_that_finding_and_keeps_it_in_the_evaluation() {
        Waiver law = waiver("W-1", "smart-meter", "LAW-002", "analytics", TODAY.plusDays(30));
        Evaluation waived = sample.withWaivers(List.of(law));

        assertThat(waived.findings()).hasSize(3);
        assertThat(waivedRules(waived)).containsExactly("LAW-002");
        assertThat(waived.waived().get(0).waiver()).isEqualTo(law);
        assertThat(waived.open()).extracting(Finding::ruleId).containsExactly("COOK-001", "RET-001");
        assertThat(waived.count(Severity.HIGH)).isZero();
        assertThat(waived.countWaived(Severity.HIGH)).isEqualTo(1);
        assertThat(waived.expiredWaivers()).isEmpty();
    }

    @Test
    void a_waiver_for_another_product_rule_or_activity_waives_nothing() {
        for (Waiver other : List.of(
                waiver("W-product", "other-meter", "LAW-002", "analytics", TODAY),
                waiver("W-rule", "smart-meter", "LAW-001", "analytics", TODAY),
                waiver("W-activity", "smart-meter", "LAW-002", "billing", TODAY))) {
            Evaluation evaluation = sample.withWaivers(List.of(other));
            assertThat(evaluation.waived()).as(other.id()).isEmpty();
            assertThat(evaluation.verdict()).as(other.id()).isEqualTo(Verdict.NON_COMPLIANT);
        }
    }

    @Test
    void a_waiver_without_an_activity_waives_the_rule_everywhere_including_product_wide_findings() {
        Evaluation evaluation = sample.withWaivers(List.of(waiver("W-1", "smart-meter", "COOK-001", null, TODAY),
                waiver("W-2", "smart-meter", "LAW-002", null, TODAY)));
        assertThat(waivedRules(evaluation)).containsExactly("COOK-001", "LAW-002");
        assertThat(evaluation.waived().get(0).activityId()).isNull();
    }

    @Test
    void a_waiver_applies_through_its_expiry_date_and_not_the_day_after() {
        Waiver today = waiver("W-today", "smart-meter", "LAW-002", "analytics", TODAY);
        Waiver yesterday = waiver("W-yesterday", "smart-meter", "RET-001", null, TODAY.minusDays(1));
        Evaluation evaluation = sample.withWaivers(List.of(today, yesterday));

        assertThat(waivedRules(evaluation)).containsExactly("LAW-002");
        assertThat(evaluation.open()).extracting(Finding::ruleId).containsExactly("COOK-001", "RET-001");
        assertThat(evaluation.expiredWaivers()).containsExactly(yesterday);
    }

    @Test
    void expired_waivers_are_listed_only_when_they_would_have_waived_an_open_finding() {
        Waiver otherProduct = waiver("W-a", "other-meter", "RET-001", null, TODAY.minusDays(1));
        Waiver noFinding = waiver("W-b", "smart-meter", "SEC-006", null, TODAY.minusDays(1));
        Waiver replaced = waiver("W-c", "smart-meter", "LAW-002", null, TODAY.minusDays(5));
        Waiver renewal = waiver("W-d", "smart-meter", "LAW-002", null, TODAY.plusDays(90));
        Evaluation evaluation = sample.withWaivers(List.of(otherProduct, noFinding, replaced, renewal));

        assertThat(evaluation.expiredWaivers()).isEmpty();
        assertThat(evaluation.waived().get(0).waiver()).isEqualTo(renewal);
    }

    @Test
    void of_two_waivers_for_one_finding_the_one_lasting_longer_is_shown() {
        Waiver shorter = waiver("W-1", "smart-meter", "LAW-002", null, TODAY.plusDays(10));
        Waiver longer = waiver("W-2", "smart-meter", "LAW-002", "analytics", TODAY.plusDays(20));
        assertThat(sample.withWaivers(List.of(shorter, longer)).waived().get(0).waiver()).isEqualTo(longer);
        assertThat(sample.withWaivers(List.of(longer, shorter)).waived().get(0).waiver()).isEqualTo(longer);
    }

    @Test
    void the_verdict_and_the_fail_on_threshold_ignore_waived_findings() {
        assertThat(sample.verdict()).isEqualTo(Verdict.NON_COMPLIANT);
        assertThat(sample.hasFindingsAtOrAbove(Severity.HIGH)).isTrue();

        Evaluation serious = sample.withWaivers(List.of(waiver("W-1", "smart-meter", "COOK-001", null, TODAY),
                waiver("W-2", "smart-meter", "LAW-002", null, TODAY)));
        assertThat(serious.verdict()).isEqualTo(Verdict.COMPLIANT_WITH_OBSERVATIONS);
        assertThat(serious.hasFindingsAtOrAbove(Severity.HIGH)).isFalse();
        assertThat(serious.hasFindingsAtOrAbove(Severity.MEDIUM)).isTrue();

        Evaluation all = serious.withWaivers(List.of(waiver("W-1", "smart-meter", "COOK-001", null, TODAY),
                waiver("W-2", "smart-meter", "LAW-002", null, TODAY), waiver("W-3", "smart-meter", "RET-001", null, TODAY)));
        assertThat(all.verdict()).isEqualTo(Verdict.COMPLIANT);
        assertThat(all.hasFindingsAtOrAbove(Severity.INFO)).isFalse();
        assertThat(all.findings()).hasSize(3);
    }

    @Test
    void applying_waivers_again_replaces_the_ones_applied_before() {
        Evaluation waived = sample.withWaivers(List.of(waiver("W-1", "smart-meter", "LAW-002", null, TODAY)));
        Evaluation again = waived.withWaivers(List.of());
        assertThat(again.waived()).isEmpty();
        assertThat(again.findings()).isEqualTo(sample.findings());
        assertThat(again.verdict()).isEqualTo(Verdict.NON_COMPLIANT);
    }

    @Test
    void a_waiver_needs_justification_approver_a_rule_id_and_an_expiry_date() {
        assertThat(Waiver.problems("W-1", "smart-meter", "law-2", " ", " ", "", null)).extracting(Waiver.Problem::toString)
                .containsExactly(
                        "ruleId: 'law-2' is not a rule id such as DPIA-001 (2 to 5 capital letters, a dash, three digits)",
                        "activityId: must not be blank; leave it out to waive the rule for every activity",
                        "justification: is required and must not be blank",
                        "approver: is required and must not be blank",
                        "expires: is required: the last day the waiver applies (YYYY-MM-DD)");
        assertThat(Waiver.problems(null, "", "DPIA-001", null, "ok", "ok", TODAY)).extracting(Waiver.Problem::field)
                .containsExactly("id", "productId");
        assertThatThrownBy(() -> waiver("W-1", "smart-meter", "LAW-002", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expires: is required");
        assertThat(Waiver.problems("W-1", "smart-meter", "DPIA-001", null, "ok", "ok", TODAY)).isEmpty();
    }
}
