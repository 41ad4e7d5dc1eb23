package org.tcentre.gdpr.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code parameters.yaml} strictly: an unknown key, a wrong type, a missing key or an unknown country
 * code is an error with file and line, never a silent default.
 */
final class ParametersLoader {

    static final String FILE = "parameters.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .propertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
            .build();

    private ParametersLoader() {
    }

    static Parameters load(Path directory) throws RuleSetException {
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
        try {
            return YAML.readValue(text, Parameters.class);
        } catch (JacksonException e) {
            throw new RuleSetException(YamlFileProblems.of(FILE, text, e));
        }
    }
}
