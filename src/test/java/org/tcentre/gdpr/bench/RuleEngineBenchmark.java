package org.tcentre.gdpr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetLoader;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Declarations per second through the rules, with two baselines measured in the same run: the Jackson parse
 * of the same declaration, and six rules as plain Java against the same six rules in Drools.
 * Run with threads 1 and 2 (see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleEngineBenchmark {

    @Param({"1", "20", "50"})
    public int activities;

    RuleSet wholeRuleSet;
    RuleSet sixRules;
    PlainJavaRules plainJava;
    DeclarationDocument declaration;
    DeclarationCheck check;
    byte[] json;
    JsonMapper jackson;

    @Setup
    public void setUp() throws Exception {
        wholeRuleSet = new RuleSetLoader().load(Path.of("rules"));
        sixRules = new RuleSetLoader().load(subset(PlainJavaRules.RULES));
        plainJava = new PlainJavaRules(sixRules);
        json = BenchmarkDeclarations.withActivities(activities);
        declaration = new DeclarationReader().read(json, "bench.json");
        check = new DeclarationCheck(Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));
        jackson = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        List<Finding> drools = check.check(declaration, sixRules).findings();
        List<Finding> java = plainJava.check(declaration);
        if (drools.size() != java.size()) {
            throw new IllegalStateException("the baseline must find what the rules find: " + drools.size() + " vs " + java.size());
        }
    }

    @Benchmark
    public Evaluation wholeRuleSet() {
        return check.check(declaration, wholeRuleSet);
    }

    @Benchmark
    public Evaluation droolsSixRules() {
        return check.check(declaration, sixRules);
    }

    @Benchmark
    public List<Finding> plainJavaSixRules() {
        return plainJava.check(declaration);
    }

    @Benchmark
    public Declaration jacksonParse() {
        return jackson.readValue(json, Declaration.class);
    }

    /** A rule-set directory holding only the named rules (with the shipped manifest, parameters and tables). */
    static Path subset(List<String> ids) throws IOException {
        Path to = Files.createTempDirectory("rules-subset");
        Path from = Path.of("rules");
        Files.copy(from.resolve("ruleset.yaml"), to.resolve("ruleset.yaml"));
        Files.copy(from.resolve("parameters.yaml"), to.resolve("parameters.yaml"));
        Files.createDirectories(to.resolve("tables"));
        try (Stream<Path> tables = Files.list(from.resolve("tables"))) {
            for (Path table : tables.toList()) {
                Files.copy(table, to.resolve("tables").resolve(table.getFileName()));
            }
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path drl : walk.filter(p -> p.getFileName().toString().equals("rule.drl")).toList()) {
                String folder = drl.getParent().getFileName().toString();
                if (ids.stream().anyMatch(folder::startsWith)) {
                    Files.copy(drl, to.resolve(folder + ".drl"));
                }
            }
        }
        return to;
    }
}
