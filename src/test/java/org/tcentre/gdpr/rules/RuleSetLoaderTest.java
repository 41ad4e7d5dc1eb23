package org.tcentre.gdpr.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule set is loaded whole or not at all, and every refusal says which file and line. */
class RuleSetLoaderTest {

    static final String LAW_002 = "gdpr/p2-lawfulness/LAW-002-legitimate-interests-without-lia/rule.drl";

    @Test
    void loads_the_shipped_rule_set_with_its_identity_and_metadata() throws Exception {
        RuleSet ruleSet = new RuleSetLoader().load(Path.of("rules"));

        assertThat(ruleSet.identity().name()).isEqualTo("tcentre-gdpr");
        assertThat(ruleSet.identity().sha256()).hasSize(64);
        RuleInfo law002 = ruleSet.rule("LAW-002");
        assertThat(law002.articles()).containsExactly("Art. 6(1)(f)", "Art. 5(2)");
        assertThat(law002.practiceArea()).isEqualTo(PracticeArea.P2);
        assertThat(law002.severity()).isEqualTo(Severity.HIGH);
        assertThat(law002.law()).isEqualTo("GDPR");
        assertThat(law002.file()).isEqualTo(LAW_002);
        assertThat(ruleSet.rules()).extracting(RuleInfo::id).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void the_identity_is_the_content_not_the_location(@TempDir Path dir) throws Exception {
        Path copy = CompiledRuleCacheTest.copyOfRules(dir);
        assertThat(new RuleSetLoader().load(copy).identity()).isEqualTo(new RuleSetLoader().load(Path.of("rules")).identity());
        Files.writeString(copy.resolve("ruleset.yaml"), Files.readString(copy.resolve("ruleset.yaml")) + "\n# a comment\n");
        assertThat(new RuleSetLoader().load(copy).identity().sha256())
                .isNotEqualTo(new RuleSetLoader().load(Path.of("rules")).identity().sha256());
    }

    @Test
    void a_syntax_error_in_a_condition_names_file_and_line(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        edit(rules.resolve(LAW_002), "legitimateInterestsAssessment == null", "legitimateInterestsAssessment === null");

        assertThat(problems(rules)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(LAW_002);
            assertThat(p.line()).isEqualTo(14);
        });
    }

    @Test
    void an_error_in_a_consequence_names_file_and_the_rule_line(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        edit(rules.resolve(LAW_002), "then", "then )");

        // Drools compiles consequences as Java and locates their errors at the rule, not the line.
        assertThat(problems(rules)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(LAW_002);
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("Syntax error");
        });
    }

    @Test
    void a_type_error_in_a_condition_names_file_and_line(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        edit(rules.resolve(LAW_002), "legitimateInterestsAssessment == null", "legitimateInterestsAssesment == null");

        assertThat(problems(rules)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(LAW_002);
            assertThat(p.line()).isNotNull();
            assertThat(p.message()).contains("legitimateInterestsAssesment");
        });
    }

    @Test
    void a_rule_reading_a_parameter_that_does_not_exist_is_refused(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        Path drl = rules.resolve("gdpr/p5-transfers/TRF-001-transfer-without-ground/rule.drl");
        assertThat(drl).exists();
        edit(drl, "params.thirdCountry(country)", "params.outsideTheUnion(country)");

        assertThat(problems(rules)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("gdpr/p5-transfers/TRF-001-transfer-without-ground/rule.drl");
            assertThat(p.line()).isNotNull();
            assertThat(p.message()).contains("outsideTheUnion");
        });
    }

    @Test
    void missing_or_malformed_metadata_is_refused(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        edit(rules.resolve(LAW_002), "    @practice(\"P2\")\n", "    @practice(\"P9\")\n");
        edit(rules.resolve(LAW_002), "    @severity(\"HIGH\")\n", "");
        edit(rules.resolve(LAW_002), "@articles(\"Art. 6(1)(f); Art. 5(2)\")", "@articles(\"6(1)(f)\")");

        assertThat(problems(rules)).extracting(RuleSetProblem::toString).contains(
                LAW_002 + ":4: rule LAW-002 has no @severity(\"...\")",
                LAW_002 + ":4: rule LAW-002: @practice(\"P9\") is not one of P1..P6",
                LAW_002 + ":4: rule LAW-002: '6(1)(f)' is not an article citation such as \"Art. 6(1)(f)\" or \"Recital 43\"");
    }

    @Test
    void a_duplicate_rule_id_is_refused_naming_both_places(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        Path twin = rules.resolve("gdpr/p2-lawfulness/LAW-002-twin/rule.drl");
        Files.createDirectories(twin.getParent());
        Files.copy(rules.resolve(LAW_002), twin);

        assertThat(problems(rules)).anySatisfy(p -> assertThat(p.toString()).isEqualTo(
                "gdpr/p2-lawfulness/LAW-002-twin/rule.drl:4: the rule id 'LAW-002' is already declared in " + LAW_002 + ":4"));
    }

    @Test
    void parameters_are_validated_with_file_and_line(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        Path parameters = rules.resolve("parameters.yaml");
        String original = Files.readString(parameters);

        // (adequacy, ages of consent, retention ceilings and DPIA criteria are decision tables: DecisionTablesTest)
        Files.writeString(parameters, original.replace("SE, IS, LI, NO]", "SE, IS, LI, XX]"));
        assertThat(problems(rules)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parameters.yaml");
            assertThat(p.line()).as("a check of the whole file has no line of its own").isNull();
            assertThat(p.message()).isEqualTo("'XX' is not an ISO 3166-1 alpha-2 country code");
        });

        Files.writeString(parameters, original + "\nretentionCeiling: {}\n");
        assertThat(problems(rules)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(original.split("\n", -1).length + 1);
            assertThat(p.message()).startsWith("unknown key 'retentionCeiling' (known keys here: accessRequestMaxResponseDays, accessReviewMaxAge, adequacy,");
        });

        Files.writeString(parameters, original.replace("accessRequestMaxResponseDays: 30", "accessRequestMaxResponseDays: thirty"));
        assertThat(problems(rules)).singleElement().satisfies(p -> assertThat(p.message()).contains("thirty"));

        Files.writeString(parameters, original.replace("accessRequestMaxResponseDays: 30", "accessRequestMaxResponseDays: 91"));
        assertThat(problems(rules)).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("accessRequestMaxResponseDays must be between 1 and 90 (Art. 12(3): one month, extendable by two)"));
    }

    @Test
    void a_rule_set_without_manifest_or_rules_is_refused(@TempDir Path dir) throws Exception {
        assertThat(problems(dir)).singleElement().satisfies(p -> assertThat(p.message()).contains("no ruleset.yaml"));
        assertThat(problems(dir.resolve("missing"))).singleElement().satisfies(p -> assertThat(p.message()).contains("is not a rule-set directory"));
    }

    private static java.util.List<RuleSetProblem> problems(Path rules) {
        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));
        assertThat(refused).as("the rule set should be refused").isNotNull();
        return refused.problems();
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
