package org.tcentre.gdpr.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads {@code parameters.yaml} strictly: an unknown key, a wrong type, a missing key or an unknown country
 * code is an error with file and line, never a silent default. The sections defined by decision tables in
 * {@code tables/} ({@link DecisionTables}) are added to it, and each section has one source: defining it in both
 * places is an error naming both files.
 */
final class ParametersLoader {

    static final String FILE = "parameters.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .propertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
            .build();
    private static final ObjectMapper WRITER = YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER).build();

    private ParametersLoader() {
    }

    static Parameters load(Path directory) throws RuleSetException {
        return load(directory, null, null);
    }

    /**
     * Loads the parameters; with a cache, the compiled decision tables are read from it under {@code cacheKey}
     * (the rule set's content hash and build) and written to it once everything has loaded.
     */
    static Parameters load(Path directory, CompiledRuleCache cache, String cacheKey) throws RuleSetException {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new RuleSetException(new RuleSetProblem(FILE, null, null, "the rule set has no " + FILE));
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new RuleSetException(new RuleSetProblem(FILE, null, null, "cannot be read: " + e.getMessage()));
        }
        String tablesKey = cacheKey + "-tables";
        DecisionTables.Loaded tables = DecisionTables.load(directory, cache, tablesKey);
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, Object> fromTables = new LinkedHashMap<>();
        tables.sections().forEach((key, section) -> {
            Matcher yamlKey = Pattern.compile("^" + Pattern.quote(key) + "\\s*:", Pattern.MULTILINE).matcher(text);
            if (yamlKey.find()) {
                problems.add(new RuleSetProblem(FILE, lineOf(text, yamlKey.start()), null, "'" + key
                        + "' is defined both here and in " + section.file() + ": keep one (remove it here to use the table)"));
            }
            fromTables.put(key, section.value());
        });
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        Parameters parameters;
        try {
            // The tables' sections are appended in YAML form, after the file's own lines (whose numbers errors
            // keep), so they are read and checked by exactly the same strict reader.
            parameters = YAML.readValue(fromTables.isEmpty() ? text : text + "\n" + WRITER.writeValueAsString(fromTables), Parameters.class);
        } catch (JacksonException e) {
            RuleSetProblem problem = YamlFileProblems.of(FILE, text, e);
            if (problem.line() != null && problem.line() > text.split("\n", -1).length) {
                // A check of the whole file fails where the reader stopped, after the tables' sections: no line of the file.
                problem = new RuleSetProblem(FILE, null, null, problem.message());
            }
            throw new RuleSetException(problem);
        }
        if (cache != null && tables.compiled() != null) {
            cache.write(tablesKey, tables.compiled());
        }
        return parameters;
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
