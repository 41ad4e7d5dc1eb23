package org.tcentre.gdpr.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile rule files are refused with file, line and column; ordinary rules, and names that merely look alike, are not. */
class RuleSafetyTest {

    static final Path HOSTILE = Path.of("src/test/resources/hostile-rules");
    static final Path SAFE = Path.of("src/test/resources/safe-rules/names-that-look-dangerous.drl");
    static final String MAY_NOT = ", which rules may not use (rules may only use the declaration model and approved helpers)";
    static final String ENGINE = ", which rules may not use (the engine's internals are off limits; rules only pass drools to findings.report)";

    static Stream<Arguments> hostileRules() {
        return Stream.of(
                hostile("runtime-exec.drl", "13:5: uses java.lang.Runtime" + MAY_NOT),
                hostile("system-exit.drl", "13:5: uses java.lang.System" + MAY_NOT),
                hostile("system-getenv.drl",
                        "11:35: uses java.lang.System" + MAY_NOT,
                        "13:20: uses java.lang.System" + MAY_NOT),
                hostile("process-builder.drl", "13:9: uses java.lang.ProcessBuilder" + MAY_NOT),
                hostile("class-forname.drl", "13:21: uses java.lang.Class" + MAY_NOT),
                hostile("class-loader.drl", "13:15: calls getClass (reflection)" + MAY_NOT),
                hostile("class-literal.drl", "13:12: uses a .class literal (reflection)" + MAY_NOT),
                hostile("reflection-invoke.drl",
                        "16:22: uses java.lang.reflect.Method" + MAY_NOT,
                        "17:19: calls invoke (reflection)" + MAY_NOT),
                hostile("files-read.drl", "13:21: uses java.nio.file.Files" + MAY_NOT),
                hostile("new-file.drl", "13:9: uses java.io.File" + MAY_NOT),
                hostile("network.drl",
                        "13:9: uses java.net.URL" + MAY_NOT,
                        "14:9: uses java.net.Socket" + MAY_NOT),
                hostile("threads.drl",
                        "13:9: uses java.lang.Thread" + MAY_NOT,
                        "14:5: uses java.util.concurrent.Executors" + MAY_NOT),
                hostile("parallel-stream.drl", "13:26: calls parallelStream (threads)" + MAY_NOT),
                hostile("timer.drl", "10:5: uses the timer attribute, which rules may not use"
                        + " (it schedules rule firings on engine threads)"),
                hostile("eval-qualified.drl", "12:11: uses java.lang.Runtime" + MAY_NOT),
                hostile("function-io.drl", "17:5: uses java.nio.file.Files" + MAY_NOT),
                hostile("accumulate.drl", "12:53: uses java.lang.Runtime" + MAY_NOT),
                hostile("from.drl", "12:27: uses java.nio.file.Files" + MAY_NOT),
                hostile("spaced.drl",
                        "13:5: uses java.lang.System" + MAY_NOT,
                        "14:5: uses java.lang.Runtime" + MAY_NOT,
                        "15:18: uses java.lang.Thread" + MAY_NOT),
                hostile("import-java-io.drl",
                        "2:1: imports java.io.*, which rules may not import (rules may import only the declaration"
                                + " model, the facts, approved helpers and value types from java.util, java.time,"
                                + " java.util.stream, java.util.function and java.math)",
                        "14:9: uses java.io.File" + MAY_NOT),
                hostile("import-function.drl",
                        "2:1: imports the function java.lang.System.exit, which rules may not import (rules may"
                                + " import functions only from the approved helpers: org.tcentre.gdpr.rules.Text)",
                        "14:5: calls exit (stopping the service)" + MAY_NOT),
                hostile("global.drl", "2:1: declares a global, which rules may not do (the loader provides the"
                        + " only globals: findings, params and today)"),
                hostile("drools-kie-runtime.drl", "13:5: uses drools.getKieRuntime" + ENGINE),
                hostile("kcontext.drl", "13:5: uses kcontext" + ENGINE),
                hostile("entry-point.drl", "11:33: uses entry-point, which rules may not use (the engine's internals"
                        + " are off limits; rules match the facts of the declaration)"),
                hostile("dialect-mvel.drl", "2:1: sets dialect \"mvel\", which rules may not do (rules are written"
                        + " in the java dialect, which this check reads)"),
                hostile("declaration-reader.drl", "13:9: uses org.tcentre.gdpr.declaration.DeclarationReader" + MAY_NOT),
                hostile("package.drl", "1:1: is in the package org.tcentre.gdpr.rules, which rules may not use"
                        + " (a rule file's package is a plain name of its own, such as gdpr)"),
                hostile("unicode-escape.drl",
                        "13:5: uses the unicode escape \\u0053, which rules may not use (it can hide code from this"
                                + " check; write the character itself)",
                        "14:8: uses the unicode escape \\u000a, which rules may not use (it can hide code from this"
                                + " check; write the character itself)"),
                hostile("text-block.drl", "13:16: uses a text block (\"\"\"), which rules may not use (write an"
                        + " ordinary string; a text block reads differently to the rule parser and to Java)"),
                hostile("hash.drl", "11:42: uses #, which rules may not use (the rule parser may read it as the start"
                        + " of a comment where Java does not; write // for a comment)"));
    }

    private static Arguments hostile(String file, String... problems) {
        return Arguments.of(file, Stream.of(problems).map(p -> "hostile-rules/" + file + ":" + p).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRules")
    void a_hostile_rule_file_is_refused_with_file_line_and_message(String file, List<String> expected) throws IOException {
        List<RuleSetProblem> problems = RuleSafety.check("hostile-rules/" + file, Files.readString(HOSTILE.resolve(file)));

        assertThat(problems).extracting(RuleSetProblem::toString).containsExactlyElementsOf(expected);
    }

    @Test
    void every_hostile_fixture_has_its_expectation() throws IOException {
        try (Stream<Path> files = Files.list(HOSTILE)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(hostileRules().map(a -> (String) a.get()[0]).toList());
        }
    }

    @Test
    void names_and_text_that_only_look_dangerous_are_accepted() throws IOException {
        // "System", Runtime.exec and java.io.File in strings and comments; fileCount, systemName, classification,
        // exitRequested and processName as names; java.util and java.time types written out in full.
        assertThat(RuleSafety.check("safe.drl", Files.readString(SAFE))).isEmpty();
    }

    @Test
    void every_shipped_rule_file_passes() throws IOException {
        List<Path> drls;
        try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
            drls = walk.filter(f -> f.toString().endsWith(".drl")).toList();
        }
        List<RuleSetProblem> problems = new ArrayList<>();
        for (Path drl : drls) {
            problems.addAll(RuleSafety.check(drl.toString(), Files.readString(drl)));
        }
        assertThat(drls).hasSize(86);
        assertThat(problems).isEmpty();
    }

    @Test
    void the_approved_imports_are_accepted_and_others_refused() {
        String drl = """
                package gdpr;
                import java.util.List;
                import java.util.ArrayList;
                import java.util.Map.Entry;
                import java.util.stream.Collectors;
                import java.util.regex.Pattern;
                import java.time.*;
                import java.math.BigDecimal;
                import org.tcentre.gdpr.declaration.*;
                import org.tcentre.gdpr.evaluation.ActivityProfile;
                import org.tcentre.gdpr.rules.Parameters.AppliedCeiling;
                import function org.tcentre.gdpr.rules.Text.blank;
                import java.util.*;
                import java.util.Timer;
                import java.util.concurrent.ConcurrentHashMap;
                import org.tcentre.gdpr.rules.RuleSetLoader;
                import org.kie.api.runtime.KieSession;
                import accumulate org.example.Evil evil;
                import org.tcentre.gdpr.declaration.DeclarationReader;
                """;

        assertThat(RuleSafety.check("x.drl", drl)).extracting(p -> p.line() + ": " + p.message()).containsExactly(
                "13: imports java.util.*" + NOT_IMPORTABLE,
                "14: imports java.util.Timer" + NOT_IMPORTABLE,
                "15: imports java.util.concurrent.ConcurrentHashMap" + NOT_IMPORTABLE,
                "16: imports org.tcentre.gdpr.rules.RuleSetLoader" + NOT_IMPORTABLE,
                "17: imports org.kie.api.runtime.KieSession" + NOT_IMPORTABLE,
                "18: imports the accumulate function org.example.Evil, which rules may not import (rules may use"
                        + " the engine's built-in accumulate functions only)",
                "19: uses org.tcentre.gdpr.declaration.DeclarationReader" + MAY_NOT);
    }

    static final String NOT_IMPORTABLE = ", which rules may not import (rules may import only the declaration model,"
            + " the facts, approved helpers and value types from java.util, java.time, java.util.stream,"
            + " java.util.function and java.math)";

    @Test
    void approved_types_may_be_written_out_in_full_and_others_may_not() {
        String drl = """
                package gdpr;
                rule "X-001" when $a : Activity() then
                    java.util.List<java.time.LocalDate> dates = new java.util.ArrayList<>();
                    org.tcentre.gdpr.declaration.LegalBasis basis = org.tcentre.gdpr.declaration.LegalBasis.CONSENT;
                    Object session = (org.kie.api.runtime.KieSession) null;
                    Object mapper = new tools.jackson.databind.ObjectMapper();
                end
                """;

        assertThat(RuleSafety.check("x.drl", drl)).extracting(RuleSetProblem::toString).containsExactly(
                "x.drl:5:23: uses org.kie.api.runtime.KieSession" + MAY_NOT,
                "x.drl:6:25: uses tools.jackson.databind.ObjectMapper" + MAY_NOT);
    }

    @Test
    void a_name_hidden_by_an_invisible_character_is_still_seen() {
        // Java ignores format characters such as U+200B inside identifiers: this is System to the compiler.
        String drl = "rule \"X-001\" when then\n    Sys\u200Btem.exit(0);\nend\n";

        assertThat(RuleSafety.check("x.drl", drl)).extracting(RuleSetProblem::toString)
                .containsExactly("x.drl:2:5: uses java.lang.System" + MAY_NOT);
    }

    @Test
    void a_qualified_name_split_by_other_spaces_or_invisible_characters_is_still_joined() {
        String drl = "rule \"X-001\" when then\n    Object m = new tools\u00A0.jackson\u200B.databind.ObjectMapper();\nend\n";

        assertThat(RuleSafety.check("x.drl", drl)).extracting(RuleSetProblem::toString)
                .containsExactly("x.drl:2:20: uses tools.jackson.databind.ObjectMapper" + MAY_NOT);
    }

    @Test
    void the_old_duration_attribute_is_refused_like_timer() {
        String drl = "rule \"X-001\"\n    duration 1000\nwhen then\n    int duration = 1; int timer = duration;\nend\n";

        assertThat(RuleSafety.check("x.drl", drl)).extracting(RuleSetProblem::toString).containsExactly(
                "x.drl:2:5: uses the duration attribute, which rules may not use (it schedules rule firings on engine threads)");
    }

    @Test
    void a_line_comment_ends_at_a_lone_carriage_return_as_it_does_for_java() {
        String drl = "rule \"X-001\" when then\n    // a comment\r    Runtime.getRuntime().halt(0);\nend\n";

        assertThat(RuleSafety.check("x.drl", drl)).extracting(RuleSetProblem::toString)
                .containsExactly("x.drl:3:5: uses java.lang.Runtime" + MAY_NOT);
    }

    @Test
    void the_engine_helper_may_be_passed_on_but_not_looked_into() {
        String drl = """
                rule "X-001" when $a : Activity() then
                    findings.report(drools, $a, "name");
                    drools.halt();
                    drools
                        .getWorkingMemory();
                end
                """;

        assertThat(RuleSafety.check("x.drl", drl)).extracting(RuleSetProblem::toString).containsExactly(
                "x.drl:3:5: uses drools.halt" + ENGINE,
                "x.drl:4:5: uses drools.getWorkingMemory" + ENGINE);
    }

    @Test
    void the_java_dialect_may_be_named_and_plain_package_names_are_fine() {
        String drl = """
                package eprivacy;
                dialect "java"
                rule "X-001" when $a : Activity() then end
                """;

        assertThat(RuleSafety.check("x.drl", drl)).isEmpty();
    }

    /**
     * The loader's wildcard imports bring every public class of the model packages into reach of a rule. Records
     * and enums are data; any other public class must be refused by name or reviewed here as harmless, so a new
     * class that reads files cannot arrive unnoticed.
     */
    @Test
    void every_public_class_of_the_model_packages_is_data_or_reviewed() throws Exception {
        Set<String> reviewedAsHarmless = Set.of(
                "org.tcentre.gdpr.evaluation.Findings", // the type of the findings global
                "org.tcentre.gdpr.declaration.InvalidDeclarationException");
        List<String> unreviewed = new ArrayList<>();
        for (String pkg : List.of("org.tcentre.gdpr.declaration", "org.tcentre.gdpr.evaluation")) {
            Path classes = Path.of("target/classes").resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                    String name = pkg + "." + file.getFileName().toString().replace(".class", "");
                    Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                    boolean data = type.isRecord() || type.isEnum();
                    if (Modifier.isPublic(type.getModifiers()) && !data && !reviewedAsHarmless.contains(name)
                            && !RuleSafety.REFUSED_TYPES.containsValue(name)) {
                        unreviewed.add(name);
                    }
                }
            }
        }
        assertThat(unreviewed).as("public classes rules could reach that are neither data, refused nor reviewed").isEmpty();
    }

    @Test
    void the_loader_refuses_a_rule_set_holding_a_hostile_file_before_compiling_it(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("gdpr/SAFE-001"));
        Files.writeString(rules.resolve("ruleset.yaml"), "name: minimal\nversion: 1.0.0\ntestDate: 2026-11-28\n");
        Files.copy(Path.of("rules/parameters.yaml"), rules.resolve("parameters.yaml"));
        Files.createDirectories(rules.resolve("tables"));
        try (var tables = Files.list(Path.of("rules/tables"))) {
            for (Path table : tables.toList()) {
                Files.copy(table, rules.resolve("tables").resolve(table.getFileName().toString()));
            }
        }
        Files.copy(SAFE, rules.resolve("gdpr/SAFE-001/rule.drl"));
        assertThat(new RuleSetLoader().load(rules).rules()).extracting(RuleInfo::id).containsExactly("SAFE-001");

        Files.createDirectories(rules.resolve("gdpr/EVIL-001"));
        Files.copy(HOSTILE.resolve("runtime-exec.drl"), rules.resolve("gdpr/EVIL-001/rule.drl"));
        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));

        assertThat(refused).isNotNull();
        assertThat(refused.problems()).extracting(RuleSetProblem::toString)
                .containsExactly("gdpr/EVIL-001/rule.drl:13:5: uses java.lang.Runtime" + MAY_NOT);
    }
}
