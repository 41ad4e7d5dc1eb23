package org.tcentre.gdpr.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.evaluation.Finding;

/** Profiles in ruleset.yaml: rules switched on and off and severities changed per profile, never in a rule file. */
class RuleProfilesTest {

    private static final DeclarationCheck CHECK =
            new DeclarationCheck(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
    private static RuleSet shipped;
    private static DeclarationDocument fitnessTracker;
    private static DeclarationDocument teamNotes;

    @BeforeAll
    static void load() throws Exception {
        shipped = new RuleSetLoader().load(Path.of("rules"));
        fitnessTracker = new DeclarationReader().read(Path.of("docs/examples/fitness-tracker.yaml"));
        teamNotes = new DeclarationReader().read(Path.of("docs/examples/team-notes.yaml"));
    }

    @Test
    void a_declaration_with_health_data_is_checked_under_the_health_data_profile_automatically() {
        Evaluation evaluation = CHECK.check(fitnessTracker, shipped);

        assertThat(evaluation.ruleSet().profile()).isEqualTo("health-data");
        assertThat(evaluation.ruleSet().sha256()).isEqualTo(shipped.identity().sha256());
        assertThat(finding(evaluation, "SEC-006").severity()).isEqualTo(Severity.HIGH);
        assertThat(finding(evaluation, "SEC-008").severity()).isEqualTo(Severity.HIGH);
        assertThat(evaluation.rulesEvaluated()).hasSize(86)
                .filteredOn(r -> r.id().equals("SEC-006")).singleElement()
                .satisfies(r -> assertThat(r.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void the_default_profile_applies_the_rule_set_as_its_files_define_it() {
        Evaluation evaluation = CHECK.check(fitnessTracker, shipped, RuleProfile.NONE);

        assertThat(evaluation.ruleSet().profile()).isNull();
        assertThat(finding(evaluation, "SEC-006").severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding(evaluation, "SEC-008").severity()).isEqualTo(Severity.MEDIUM);
        // Everything else is the same finding, at the same severity.
        assertThat(CHECK.check(fitnessTracker, shipped).findings()).hasSameSizeAs(evaluation.findings());
    }

    @Test
    void a_declaration_without_the_profiles_data_kinds_gets_no_profile() {
        Evaluation evaluation = CHECK.check(teamNotes, shipped);

        assertThat(evaluation.ruleSet().profile()).isNull();
        assertThat(evaluation.rulesEvaluated()).hasSize(86);
    }

    @Test
    void a_profile_chosen_by_name_switches_rules_off_and_they_are_not_evaluated() {
        Evaluation evaluation = CHECK.check(teamNotes, shipped, "internal-tools");

        assertThat(evaluation.ruleSet().profile()).isEqualTo("internal-tools");
        assertThat(evaluation.rulesEvaluated()).hasSize(84)
                .extracting(RuleInfo::id).doesNotContain("EPR-001", "EPR-002");
        assertThat(shipped.withProfile("internal-tools").inForce("EPR-001")).isFalse();
        assertThat(shipped.inForce("EPR-001")).isTrue();
    }

    @Test
    void an_unknown_profile_is_refused_naming_the_profiles_there_are() {
        assertThatThrownBy(() -> CHECK.check(teamNotes, shipped, "strict"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the rule set has no profile 'strict'; its profiles: default, health-data, internal-tools");
    }

    @Test
    void a_rule_disabled_for_the_whole_set_does_not_fire_unless_a_profile_enables_it(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        append(rules, """
                disabled: [SEC-006]
                profiles:
                  audited:
                    description: Products in the yearly audit, tested like everything else.
                    enable: [SEC-006]
                    disable: [PRIN-002]
                    severity: { SEC-008: CRITICAL }
                """);
        RuleSet ruleSet = new RuleSetLoader().load(rules);

        Evaluation base = CHECK.check(fitnessTracker, ruleSet);
        assertThat(base.ruleSet().profile()).isNull();
        assertThat(base.findings()).extracting(Finding::ruleId).doesNotContain("SEC-006").contains("PRIN-002");
        assertThat(base.rulesEvaluated()).extracting(RuleInfo::id).doesNotContain("SEC-006");

        Evaluation audited = CHECK.check(fitnessTracker, ruleSet, "audited");
        assertThat(finding(audited, "SEC-006").severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding(audited, "SEC-008").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(audited.findings()).extracting(Finding::ruleId).doesNotContain("PRIN-002");
        assertThat(audited.rulesEvaluated()).extracting(RuleInfo::id).contains("SEC-006").doesNotContain("PRIN-002");
    }

    @Test
    void a_profile_naming_a_rule_the_set_does_not_have_is_refused_with_the_line(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        int line = lines(rules) + 6;
        append(rules, """
                disabled: []
                profiles:
                  typo:
                    description: A profile with a misspelt rule id.
                    severity:
                      SEC-06: HIGH
                """);

        assertThat(problems(rules)).extracting(Object::toString)
                .containsExactly("ruleset.yaml:" + line + ": names the rule 'SEC-06', which the rule set does not have");
    }

    @Test
    void a_malformed_profile_is_refused_with_the_line_before_anything_compiles(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        String manifest = Files.readString(rules.resolve("ruleset.yaml"));
        int line = lines(rules) + 5;

        append(rules, """
                profiles:
                  strict:
                    description: Stricter.
                    severity:
                      SEC-006: SEVERE
                """);
        assertThat(problems(rules)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("ruleset.yaml");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("SEVERE");
        });

        Files.writeString(rules.resolve("ruleset.yaml"), manifest);
        append(rules, """
                profiles:
                  strict:
                    appliesTo: [health]
                """);
        assertThat(problems(rules)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("ruleset.yaml");
            assertThat(p.message()).contains("the profile 'strict' needs a description");
        });

        Files.writeString(rules.resolve("ruleset.yaml"), manifest);
        append(rules, """
                profiles:
                  default:
                    description: Shadows the name that asks for no profile.
                """);
        assertThat(problems(rules)).singleElement().satisfies(p ->
                assertThat(p.message()).contains("a profile may not be called 'default'"));

        Files.writeString(rules.resolve("ruleset.yaml"), manifest);
        append(rules, """
                profiles:
                  kids:
                    description: Children's data.
                    appliesTo: [childrens-data]
                """);
        assertThat(problems(rules)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lines(rules));
            assertThat(p.message()).contains("childrens-data");
        });
    }

    private static Finding finding(Evaluation evaluation, String ruleId) {
        List<Finding> matching = evaluation.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertThat(matching).as(ruleId).hasSize(1);
        return matching.get(0);
    }

    /** Replaces the shipped profiles with {@code yaml}. */
    private static void append(Path rules, String yaml) throws IOException {
        Path manifest = rules.resolve("ruleset.yaml");
        String text = Files.readString(manifest);
        int cut = text.indexOf("\n# Rules switched off");
        Files.writeString(manifest, (cut < 0 ? text : text.substring(0, cut + 1)) + yaml);
    }

    /** Lines of the manifest once the shipped profiles are cut off. */
    private static int lines(Path rules) throws IOException {
        String text = Files.readString(rules.resolve("ruleset.yaml"));
        int cut = text.indexOf("\n# Rules switched off");
        String kept = cut < 0 ? text : text.substring(0, cut + 1);
        return (int) kept.chars().filter(c -> c == '\n').count();
    }

    private static List<RuleSetProblem> problems(Path rules) {
        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));
        assertThat(refused).as("the rule set should be refused").isNotNull();
        return refused.problems();
    }
}
