package org.tcentre.gdpr.evaluation;

import org.tcentre.gdpr.rules.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetLoader;

/**
 * The whole shipped rule set over the shipped examples: each example's "Intended findings" comment is its
 * specification, which also catches rules interfering with one another.
 */
class ShippedExamplesTest {

    private static final Pattern INTENDED = Pattern.compile("^#\\s+([A-Z]{2,5}-\\d{3})\\b", Pattern.MULTILINE);
    static RuleSet ruleSet;
    static DeclarationReader reader;
    static DeclarationCheck check;

    @BeforeAll
    static void load() throws Exception {
        ruleSet = new RuleSetLoader().load(Path.of("rules"));
        reader = new DeclarationReader();
        check = new DeclarationCheck(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fitness-tracker", "hr-recruiting", "smart-camera", "team-notes"})
    void each_example_produces_exactly_the_findings_its_description_claims(String example) throws Exception {
        Path file = Path.of("docs/examples", example + ".yaml");
        Set<String> implemented = ruleSet.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        Set<String> intended = intendedFindings(file);
        intended.retainAll(implemented);

        Evaluation evaluation = check.check(reader.read(file), ruleSet);
        Set<String> fired = evaluation.findings().stream()
                .filter(f -> f.severity().atLeast(Severity.LOW))
                .map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));

        assertThat(fired).as("rules fired on %s (at LOW or above)", example).isEqualTo(intended);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fitness-tracker", "hr-recruiting", "smart-camera", "team-notes"})
    void findings_are_unique_per_rule_and_field_and_deterministic(String example) throws Exception {
        DeclarationDocument declaration = reader.read(Path.of("docs/examples", example + ".yaml"));
        Evaluation first = check.check(declaration, ruleSet);
        Evaluation second = check.check(reader.read(Path.of("docs/examples", example + ".yaml")), ruleSet);

        assertThat(first.findings()).isEqualTo(second.findings());
        assertThat(first.findings()).extracting(f -> f.ruleId() + " " + f.pointer()).doesNotHaveDuplicates();
        assertThat(first.findings()).isSortedAccordingTo(Finding.REPORT_ORDER);
        for (Finding finding : first.findings()) {
            assertThat(declaration.tree().at(finding.pointer()).isMissingNode()
                    && finding.evidence().equals("(not declared)")
                    || !declaration.tree().at(finding.pointer()).isMissingNode())
                    .as("evidence of %s at %s", finding.ruleId(), finding.pointer()).isTrue();
            assertThat(finding.articles()).isNotEmpty();
            assertThat(finding.explanation()).isNotBlank();
        }
    }

    static Set<String> intendedFindings(Path example) throws IOException {
        String text = Files.readString(example);
        String header = text.substring(0, text.indexOf("formatVersion"));
        Set<String> ids = new TreeSet<>();
        Matcher m = INTENDED.matcher(header);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
