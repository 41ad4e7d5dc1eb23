package org.tcentre.gdpr.rulecases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.rules.RuleSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs a rule's cases against that rule alone (the rules beside the cases file), through the same reader
 * and use case as a real check, so a case's declaration must also be valid.
 */
public final class RuleCaseRunner {

    static final String BASES = "test-bases";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private final Path directory;
    private final RuleSet ruleSet;
    private final DeclarationReader reader;
    private final Map<String, JsonNode> bases = new HashMap<>();

    public RuleCaseRunner(Path directory, RuleSet ruleSet, DeclarationReader reader) {
        this.directory = directory;
        this.ruleSet = ruleSet;
        this.reader = reader;
    }

    public RuleCaseResult run(RuleCase ruleCase) {
        DeclarationDocument declaration;
        try {
            JsonNode tree = ruleCase.declaration() != null ? ruleCase.declaration()
                    : DeclarationPatch.apply(base(ruleCase.base()), ruleCase.set(), ruleCase.remove());
            declaration = reader.read(JSON.writeValueAsBytes(tree), ruleCase.file() + "#" + (ruleCase.index() + 1) + ".json");
        } catch (InvalidDeclarationException e) {
            return new RuleCaseResult(ruleCase, e.problems().stream().map(p -> "invalid declaration: " + p).toList());
        } catch (IllegalArgumentException | IOException | JacksonException e) {
            return new RuleCaseResult(ruleCase, List.of(e.getMessage()));
        }
        LocalDate today = ruleCase.today() != null ? ruleCase.today() : ruleSet.testDate();
        var check = new DeclarationCheck(Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
        RuleSet applied = ruleCase.profile() == null ? ruleSet : ruleSet.withProfile(ruleCase.profile());
        // Under a profile, a rule it switches off is not run; without one, the case tests its rules even when the
        // rule set disables them by default.
        Set<String> rules = ruleCase.ruleIds().stream()
                .filter(id -> ruleCase.profile() == null || applied.inForce(id)).collect(java.util.stream.Collectors.toSet());
        List<Finding> actual = check.checkOnly(declaration, applied, rules).findings();
        return new RuleCaseResult(ruleCase, compare(ruleCase.expect(), actual));
    }

    private static List<String> compare(List<RuleCase.ExpectedFinding> expected, List<Finding> actual) {
        List<String> differences = new ArrayList<>();
        List<Finding> unmatched = new ArrayList<>(actual);
        for (RuleCase.ExpectedFinding e : expected) {
            Finding match = unmatched.stream().filter(f -> matches(e, f)).findFirst().orElse(null);
            if (match == null) {
                differences.add("expected but not reported: " + describe(e));
            } else {
                unmatched.remove(match);
            }
        }
        unmatched.forEach(f -> differences.add("reported but not expected: " + describe(f)));
        return differences;
    }

    private static boolean matches(RuleCase.ExpectedFinding e, Finding f) {
        return e.rule().equals(f.ruleId()) && e.pointer().equals(f.pointer())
                && e.severity().equalsIgnoreCase(f.severity().name()) && Objects.equals(e.activity(), f.activityId())
                && (e.articles() == null || e.articles().equals(f.articles()));
    }

    static String describe(RuleCase.ExpectedFinding e) {
        return e.rule() + " " + e.severity() + " at " + e.pointer() + (e.activity() == null ? "" : " (activity " + e.activity() + ")")
                + (e.articles() == null ? "" : " citing " + String.join("; ", e.articles()));
    }

    static String describe(Finding f) {
        return f.ruleId() + " " + f.severity() + " at " + f.pointer() + (f.activityId() == null ? "" : " (activity " + f.activityId() + ")")
                + " citing " + String.join("; ", f.articles());
    }

    private JsonNode base(String name) throws IOException {
        JsonNode cached = bases.get(name);
        if (cached == null) {
            Path file = directory.resolve(BASES).resolve(name + ".yaml");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("base '" + name + "' not found: expected " + BASES + "/" + name + ".yaml in the rule set");
            }
            cached = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
            bases.put(name, cached);
        }
        return cached;
    }
}
