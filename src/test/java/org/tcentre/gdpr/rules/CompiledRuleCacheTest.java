package org.tcentre.gdpr.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.evaluation.Finding;

/** The compiled-rule cache can only make a load faster: same rules, same findings, never stale, never broken. */
class CompiledRuleCacheTest {

    final DeclarationReader reader = new DeclarationReader();
    final DeclarationCheck check = new DeclarationCheck(Clock.systemUTC());

    @Test
    void a_cached_rule_set_evaluates_exactly_like_a_freshly_compiled_one(@TempDir Path cache) throws Exception {
        RuleSet compiled = new RuleSetLoader().load(Path.of("rules"));
        new RuleSetLoader(cache).load(Path.of("rules"));
        // the compiled rules and the compiled decision tables (rules/tables/)
        assertThat(entries(cache)).extracting(p -> p.getFileName().toString()).satisfiesExactly(
                tables -> assertThat(tables).endsWith("-tables.kbase"), rules -> assertThat(rules).doesNotContain("-tables"));
        RuleSet fromCache = new RuleSetLoader(cache).load(Path.of("rules"));

        assertThat(fromCache.identity()).isEqualTo(compiled.identity());
        assertThat(fromCache.parameters()).isEqualTo(compiled.parameters());
        assertThat(fromCache.rules()).isEqualTo(compiled.rules());
        for (String example : List.of("fitness-tracker", "hr-recruiting", "smart-camera", "team-notes")) {
            DeclarationDocument declaration = reader.read(Path.of("docs/examples", example + ".yaml"));
            assertThat(findings(declaration, fromCache)).as(example).isEqualTo(findings(declaration, compiled));
        }
    }

    @Test
    void a_changed_rule_set_is_compiled_again_not_served_from_the_cache(@TempDir Path dir) throws Exception {
        Path rules = copyOfRules(dir);
        Path cache = dir.resolve("cache");
        new RuleSetLoader(cache).load(rules);
        Path drl = rules.resolve("gdpr/p2-lawfulness/LAW-002-legitimate-interests-without-lia/rule.drl");
        Files.writeString(drl, Files.readString(drl).replace("@severity(\"HIGH\")", "@severity(\"LOW\")"));

        RuleSet changed = new RuleSetLoader(cache).load(rules);

        assertThat(changed.rule("LAW-002").severity()).isEqualTo(Severity.LOW);
        assertThat(entries(cache)).hasSize(4); // rules and tables, for each of the two rule sets
    }

    @Test
    void a_corrupt_cache_entry_is_ignored_and_replaced(@TempDir Path cache) throws Exception {
        new RuleSetLoader(cache).load(Path.of("rules"));
        Path entry = entries(cache).get(0);
        long size = Files.size(entry);
        Files.write(entry, new byte[] {1, 2, 3, 4});

        RuleSet reloaded = new RuleSetLoader(cache).load(Path.of("rules"));

        assertThat(reloaded.rules()).isNotEmpty();
        assertThat(Files.size(entry)).isEqualTo(size);
    }

    @Test
    void an_unwritable_cache_only_costs_a_compilation(@TempDir Path dir) throws Exception {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        assertThat(new RuleSetLoader(notADirectory.resolve("cache")).load(Path.of("rules")).rules()).isNotEmpty();
    }

    private List<Finding> findings(DeclarationDocument declaration, RuleSet ruleSet) {
        return check.check(declaration, ruleSet).findings();
    }

    private static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".kbase")).sorted().toList();
        }
    }

    static Path copyOfRules(Path dir) throws IOException {
        Path to = dir.resolve("rules");
        Path from = Path.of("rules");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
