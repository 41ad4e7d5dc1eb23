package org.tcentre.gdpr.rulecases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Finds every {@code cases.yaml} in a rule-set directory and reads its cases, refusing what it does not understand. */
public final class RuleCaseLoader {

    static final String CASES_FILE = "cases.yaml";
    private static final Set<String> CASE_KEYS = Set.of("name", "base", "declaration", "set", "remove", "today", "profile",
            "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("rule", "activity", "pointer", "severity", "articles");
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private RuleCaseLoader() {
    }

    /** Every case in the rule set, or the problems that keep the cases from being read. */
    public static List<RuleCase> load(Path directory, RuleSet ruleSet, List<RuleSetProblem> problems) {
        List<RuleCase> cases = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(p -> p.getFileName().toString().equals(CASES_FILE)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String relative = directory.relativize(file).toString().replace('\\', '/');
            String folder = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/') + 1) : "";
            List<String> ruleIds = ruleSet.allRules().stream()
                    .filter(r -> r.file().startsWith(folder) && !r.file().substring(folder.length()).contains("/"))
                    .map(RuleInfo::id).toList();
            if (ruleIds.isEmpty()) {
                problems.add(new RuleSetProblem(relative, null, null, "no rule is declared beside these cases"));
                continue;
            }
            readFile(file, relative, ruleIds, ruleSet.profileNames(), cases, problems);
        }
        return cases;
    }

    private static void readFile(Path file, String relative, List<String> ruleIds, List<String> profiles,
                                 List<RuleCase> cases, List<RuleSetProblem> problems) {
        JsonNode list;
        try {
            list = YAML.readTree(Files.readString(file));
        } catch (JacksonException e) {
            var where = e.getLocation();
            problems.add(new RuleSetProblem(relative, where == null ? null : where.getLineNr(),
                    where == null ? null : where.getColumnNr(), e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            problems.add(new RuleSetProblem(relative, null, null, "cannot be read: " + e.getMessage()));
            return;
        }
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(new RuleSetProblem(relative, null, null, "must be a list of cases (- name: ...)"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String problem = check(list.get(i), profiles);
            if (problem != null) {
                problems.add(new RuleSetProblem(relative, null, null, "case " + (i + 1) + ": " + problem));
                continue;
            }
            cases.add(toCase(relative, i, ruleIds, list.get(i)));
        }
    }

    private static String check(JsonNode c, List<String> profiles) {
        if (!c.isObject()) {
            return "is not a case (name, base or declaration, expect)";
        }
        for (String key : c.propertyNames()) {
            if (!CASE_KEYS.contains(key)) {
                return "unknown key '" + key + "' (known: " + String.join(", ", CASE_KEYS) + ")";
            }
        }
        if (!c.path("name").isString()) {
            return "has no name";
        }
        if (c.has("base") == c.has("declaration")) {
            return "'" + c.path("name").asString() + "' needs exactly one of base or declaration";
        }
        if (c.has("today")) {
            try {
                LocalDate.parse(c.path("today").asString());
            } catch (RuntimeException e) {
                return "'" + c.path("name").asString() + "': today must be a date written YYYY-MM-DD";
            }
        }
        if (c.has("profile") && !profiles.contains(c.path("profile").asString())) {
            return "'" + c.path("name").asString() + "': the rule set has no profile '" + c.path("profile").asString()
                    + "' (its profiles: " + String.join(", ", profiles) + ")";
        }
        if (!c.path("expect").isArray()) {
            return "'" + c.path("name").asString() + "' has no expect list (write expect: [] when nothing may be reported)";
        }
        for (JsonNode e : c.path("expect")) {
            for (String key : e.propertyNames()) {
                if (!EXPECT_KEYS.contains(key)) {
                    return "'" + c.path("name").asString() + "': unknown key '" + key + "' in expect";
                }
            }
            if (!e.path("rule").isString() || !e.path("pointer").isString() || !e.path("severity").isString()) {
                return "'" + c.path("name").asString() + "': every expected finding needs rule, pointer and severity";
            }
        }
        return null;
    }

    private static RuleCase toCase(String file, int index, List<String> ruleIds, JsonNode c) {
        Map<String, JsonNode> set = new LinkedHashMap<>();
        c.path("set").properties().forEach(e -> set.put(e.getKey(), e.getValue()));
        List<String> remove = new ArrayList<>();
        c.path("remove").forEach(p -> remove.add(p.asString()));
        List<RuleCase.ExpectedFinding> expect = new ArrayList<>();
        for (JsonNode e : c.path("expect")) {
            List<String> articles = null;
            if (e.has("articles")) {
                articles = new ArrayList<>();
                for (JsonNode a : e.path("articles")) {
                    articles.add(a.asString());
                }
            }
            expect.add(new RuleCase.ExpectedFinding(e.path("rule").asString(), e.path("activity").asString(null),
                    e.path("pointer").asString(), e.path("severity").asString(), articles));
        }
        return new RuleCase(file, index, c.path("name").asString(), ruleIds, c.path("base").asString(null),
                c.has("declaration") ? c.get("declaration") : null, set, remove,
                c.has("today") ? LocalDate.parse(c.path("today").asString()) : null, c.path("profile").asString(null),
                expect);
    }
}
