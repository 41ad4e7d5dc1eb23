package org.tcentre.gdpr.rulecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetLoader;
import org.tcentre.gdpr.rules.RuleSetProblem;

/** A rule test case may name a profile of ruleset.yaml: its severities apply, and a rule it switches off reports nothing. */
class RuleCaseProfilesTest {

    private static final String SEC_006 = "gdpr/p6-security/SEC-006-security-testing-overdue/cases.yaml";
    private static RuleSet ruleSet;

    @BeforeAll
    static void load() throws Exception {
        ruleSet = new RuleSetLoader().load(Path.of("rules"));
    }

    @Test
    void the_same_case_under_a_profile_expects_the_profiles_severity() {
        List<RuleSetProblem> problems = new ArrayList<>();
        List<RuleCase> cases = RuleCaseLoader.load(Path.of("rules"), ruleSet, problems).stream()
                .filter(c -> c.file().equals(SEC_006)).toList();
        assertThat(problems).isEmpty();
        RuleCase underProfile = cases.stream().filter(c -> "health-data".equals(c.profile())).findFirst().orElseThrow();
        var runner = new RuleCaseRunner(Path.of("rules"), ruleSet, new DeclarationReader());

        assertThat(runner.run(underProfile).differences()).isEmpty();
        RuleCase withoutProfile = new RuleCase(underProfile.file(), underProfile.index(), underProfile.name(),
                underProfile.ruleIds(), underProfile.base(), underProfile.declaration(), underProfile.set(),
                underProfile.remove(), underProfile.today(), null, underProfile.expect());
        assertThat(runner.run(withoutProfile).differences()).containsExactly(
                "expected but not reported: SEC-006 HIGH at /security/lastSecurityTest citing Art. 32(1)(d); Art. 5(1)(f)",
                "reported but not expected: SEC-006 MEDIUM at /security/lastSecurityTest citing Art. 32(1)(d); Art. 5(1)(f)");
    }

    @Test
    void a_case_naming_a_profile_the_rule_set_does_not_have_is_refused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("gdpr/p6-security/SEC-006-security-testing-overdue"));
        Files.writeString(rules.resolve(SEC_006), """
                - name: a profile that is not there
                  base: compliant
                  profile: strict
                  expect: []
                """);
        List<RuleSetProblem> problems = new ArrayList<>();

        List<RuleCase> cases = RuleCaseLoader.load(rules, ruleSet, problems);

        assertThat(cases).isEmpty();
        assertThat(problems).extracting(Object::toString).containsExactly(SEC_006 + ": case 1: 'a profile that is not there': "
                + "the rule set has no profile 'strict' (its profiles: default, health-data, internal-tools)");
    }
}
