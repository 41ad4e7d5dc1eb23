package org.tcentre.gdpr.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.template.parser.DecisionTableParseException;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The parameter tables of a rule set: every {@code .csv} and {@code .xlsx} file in {@code tables/} is a Drools
 * decision table whose rows compile to rules. They are compiled into a small rule base of their own (never the
 * one that evaluates declarations, so evaluation speed does not change), fired once against a {@link TableRows}
 * collector, and their rows checked and turned into the sections of {@link Parameters} they define.
 *
 * <p>Compiling costs time in a fresh JVM, so with a {@link CompiledRuleCache} the compiled tables are kept beside
 * the compiled rules, under a key made of the same rule-set content hash and build: a cached run only fires them.
 */
final class DecisionTables {

    static final String DIRECTORY = "tables";
    private static final Pattern CELL = Pattern.compile("\\b([A-Z]{1,3})(\\d+)\\b");
    private static final Pattern ROW_COMMENT = Pattern.compile("// rule values at [A-Z]+(\\d+)");

    /** A section of the parameters and the table file that defines it. */
    record Section(String file, Object value) {
    }

    /**
     * What the tables define, and the packages compiled for them this time ({@code null} when they came from the
     * cache), for the caller to cache once the whole parameters have loaded.
     */
    record Loaded(Map<String, Section> sections, List<KiePackage> compiled) {
    }

    private DecisionTables() {
    }

    /** The sections the tables define, by their key in parameters.yaml; none when there are no tables. */
    static Loaded load(Path directory, CompiledRuleCache cache, String cacheKey) throws RuleSetException {
        List<Path> files = tableFiles(directory);
        if (files.isEmpty()) {
            return new Loaded(Map.of(), null);
        }
        KieBase cached = cache == null ? null : cache.read(cacheKey);
        Map<String, String> fileOfSection = new LinkedHashMap<>();
        Map<String, Map<String, TableSheet.Column>> columnsOf = new LinkedHashMap<>();
        List<RuleSetProblem> problems = new ArrayList<>();
        KieBase tables;
        List<KiePackage> compiledNow = null;
        if (cached != null) {
            // Cached only after the tables and parameters.yaml loaded without a fault, under the hash of both:
            // nothing below can fail, so the packages (named after their sections) are all we need.
            tables = cached;
            cached.getKiePackages().forEach(p -> fileOfSection.put(p.getName(), DIRECTORY));
        } else {
            compiledNow = new ArrayList<>();
            for (Path file : files) {
                String name = RuleSetLoader.relative(directory, file);
                Compiled compiled = compile(file, name, problems);
                if (compiled == null) {
                    continue;
                }
                String earlier = fileOfSection.putIfAbsent(compiled.layout().section().key(), name);
                if (earlier != null) {
                    problems.add(new RuleSetProblem(name, null, null, "defines " + compiled.layout().section().key()
                            + ", which " + earlier + " already defines: keep one of the two"));
                    continue;
                }
                columnsOf.put(compiled.layout().section().key(), compiled.layout().columns());
                compiledNow.addAll(compiled.packages());
            }
            if (!problems.isEmpty()) {
                throw new RuleSetException(problems);
            }
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
            kieBase.addPackages(compiledNow.stream().map(p -> (InternalKnowledgePackage) p).toList());
            tables = kieBase;
        }

        TableRows rows = fire(tables);
        Map<String, Section> sections = new LinkedHashMap<>();
        fileOfSection.forEach((sectionKey, file) -> {
            var cells = new TableSection.Cells(file, columnsOf.getOrDefault(sectionKey, Map.of()), problems);
            sections.put(sectionKey, new Section(file, TableSection.byKey(sectionKey).assemble(rows.of(sectionKey), cells)));
        });
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new Loaded(sections, compiledNow);
    }

    /** One table's layout and its compiled rules. */
    private record Compiled(TableSheet.Layout layout, Collection<KiePackage> packages) {
    }

    /** Reads one table with Drools' decision-table compiler, checks its layout, and compiles the rules it generates. */
    private static Compiled compile(Path file, String name, List<RuleSetProblem> problems) {
        boolean xlsx = name.endsWith(".xlsx");
        TableSheet sheet = new TableSheet();
        String drl = null;
        String droolsFault = null;
        try (InputStream in = xlsx ? Files.newInputStream(file) : csv(file)) {
            drl = new SpreadsheetCompiler().compile(in, xlsx ? InputType.XLS : InputType.CSV, sheet);
        } catch (IOException e) {
            problems.add(new RuleSetProblem(name, null, null, "cannot be read: " + e.getMessage()));
            return null;
        } catch (DecisionTableParseException | IllegalStateException | IllegalArgumentException e) {
            droolsFault = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } catch (RuntimeException e) {
            // POI refuses a file that is not a workbook with its own exception types.
            problems.add(new RuleSetProblem(name, null, null, "is not a readable " + (xlsx ? "Excel workbook (.xlsx)" : "CSV file")
                    + ": " + e.getMessage()));
            return null;
        }
        if (droolsFault != null && sheet.empty()) {
            problems.add(new RuleSetProblem(name, null, null, "is not a readable " + (xlsx ? "Excel workbook (.xlsx)" : "CSV file")
                    + ": " + droolsFault.replaceAll("\\s+", " ").strip()));
            return null;
        }
        int before = problems.size();
        TableSheet.Layout layout = sheet.check(name, problems);
        if (problems.size() > before) {
            return null;
        }
        if (droolsFault != null || layout == null) {
            Matcher cell = CELL.matcher(String.valueOf(droolsFault));
            problems.add(new RuleSetProblem(name, cell.find() ? Integer.valueOf(cell.group(2)) : null, null,
                    "not a valid decision table: " + String.valueOf(droolsFault).replaceAll("\\s+", " ").strip()));
            return null;
        }
        // Not RuleSafety.check: that allowlist is for rule files, and would refuse the collector global every table
        // declares. A table cannot carry code of its own instead: TableSheet.check admits only the shipped header and
        // code cells of the one form tables.cell(drools, "<field>", "$param"), and values that cannot leave their string.
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)).setSourcePath(name + ".drl"), ResourceType.DRL);
        if (builder.hasErrors()) {
            String[] lines = drl.split("\n", -1);
            for (KnowledgeBuilderError error : builder.getErrors()) {
                problems.add(new RuleSetProblem(name, rowAt(lines, error.getLines()), null,
                        error.getMessage().replaceAll("\\s+", " ").strip()));
            }
            return null;
        }
        return new Compiled(layout, builder.getKnowledgePackages());
    }

    /** Fires every generated rule once: each row's rule writes its cells into the collector. */
    private static TableRows fire(KieBase tables) {
        TableRows rows = new TableRows();
        KieSession session = tables.newKieSession();
        try {
            session.setGlobal("tables", rows);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return rows;
    }

    /**
     * The CSV as the Drools reader (which decodes with the platform charset) will read it back: the file is
     * UTF-8, re-encoded so that the same characters arrive on any platform.
     */
    private static InputStream csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // the byte-order mark spreadsheet programs write
        }
        return new ByteArrayInputStream(text.getBytes(Charset.defaultCharset()));
    }

    /** The spreadsheet row of a generated-DRL line: Drools writes "// rule values at A12" above each rule. */
    private static Integer rowAt(String[] drl, int[] lines) {
        if (lines == null || lines.length == 0) {
            return null;
        }
        for (int i = Math.min(lines[0], drl.length) - 1; i >= 0; i--) {
            Matcher comment = ROW_COMMENT.matcher(drl[i]);
            if (comment.find()) {
                return Integer.valueOf(comment.group(1));
            }
        }
        return null;
    }

    /** The table files: {@code tables/*.csv} and {@code tables/*.xlsx}, in name order. */
    static List<Path> tableFiles(Path directory) throws RuleSetException {
        Path folder = directory.resolve(DIRECTORY);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".") && !f.getFileName().toString().startsWith("~$"))
                    .filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".xlsx"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new RuleSetException(new RuleSetProblem(DIRECTORY, null, null, "cannot be read: " + e.getMessage()));
        }
    }
}
