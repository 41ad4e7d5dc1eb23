package org.tcentre.gdpr.declaration;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published JSON Schema ({@code docs/declaration.schema.json}, packaged as {@code schema/declaration.schema.json})
 * applied to a parsed declaration, with the validator's terse messages rewritten for the people who write
 * declarations.
 */
final class DeclarationSchema {

    static final String RESOURCE = "/schema/declaration.schema.json";

    /** Patterns in the schema and what they mean in words. */
    private static final Map<String, String> PATTERN_MEANINGS = Map.of(
            "^[A-Z]{2}$", "must be a two-letter ISO 3166 country code in capitals, such as DE or US",
            "^[A-Za-z0-9][A-Za-z0-9._-]*$", "must be an id: letters, digits, '.', '_' or '-', starting with a letter or digit",
            "^P(?=\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$", "must be an ISO-8601 period such as P30D, P6M or P2Y",
            "^[^@\\s]+@[^@\\s]+$", "must be an e-mail address such as privacy@example.com");

    private final Schema schema;
    private final JsonNode schemaTree;

    private DeclarationSchema(Schema schema, JsonNode schemaTree) {
        this.schema = schema;
        this.schemaTree = schemaTree;
    }

    static DeclarationSchema load() {
        try (InputStream in = DeclarationSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the declaration schema " + RESOURCE + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).build();
            var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(config));
            return new DeclarationSchema(registry.getSchema(text, InputFormat.JSON),
                    JsonMapper.builder().build().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<DeclarationProblem> validate(JsonNode declaration) {
        List<DeclarationProblem> problems = new ArrayList<>();
        for (Error error : schema.validate(declaration)) {
            problems.add(toProblem(error));
        }
        return problems;
    }

    private DeclarationProblem toProblem(Error error) {
        String at = pointer(error);
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        JsonNode value = error.getInstanceNode();
        JsonNode rule = error.getSchemaNode();
        return switch (keyword) {
            case "required" -> DeclarationProblem.at(at + "/" + escape(error.getProperty()),
                    "the required field '" + error.getProperty() + "' is missing");
            case "additionalProperties" -> DeclarationProblem.at(at + "/" + escape(error.getProperty()),
                    unknownField(error));
            case "enum" -> DeclarationProblem.at(at, valueText(value) + " is not one of the allowed values: "
                    + StreamSupport.stream(rule.spliterator(), false).map(JsonNode::asString).collect(Collectors.joining(", ")));
            case "const" -> DeclarationProblem.at(at, "must be " + rule + " (found " + valueText(value) + ")");
            case "type" -> DeclarationProblem.at(at, "must be " + expectedType(rule) + ", but is " + JsonTypes.describe(value));
            case "pattern" -> DeclarationProblem.at(at, valueText(value) + " "
                    + PATTERN_MEANINGS.getOrDefault(rule.asString(), "does not match the pattern " + rule.asString()));
            case "format" -> DeclarationProblem.at(at, valueText(value) + " must be a "
                    + (rule.asString().equals("date") ? "date written YYYY-MM-DD, such as 2026-03-31" : rule.asString()));
            case "minItems" -> DeclarationProblem.at(at, "must list at least " + rule.asInt() + " item(s)");
            case "minimum" -> DeclarationProblem.at(at, "must be at least " + rule.asString() + " (found " + valueText(value) + ")");
            case "maximum" -> DeclarationProblem.at(at, "must be at most " + rule.asString() + " (found " + valueText(value) + ")");
            case "minLength" -> DeclarationProblem.at(at, "must not be empty");
            case "uniqueItems" -> DeclarationProblem.at(at, "lists the same item twice");
            default -> DeclarationProblem.at(at, error.getMessage());
        };
    }

    private String unknownField(Error error) {
        String name = error.getProperty();
        List<String> known = knownFields(error);
        String suggestion = known.stream()
                .min(Comparator.comparingInt(candidate -> EditDistance.between(candidate.toLowerCase(), name.toLowerCase())))
                .filter(candidate -> EditDistance.between(candidate.toLowerCase(), name.toLowerCase()) <= Math.max(2, name.length() / 3))
                .map(candidate -> " (did you mean '" + candidate + "'?)")
                .orElse(known.isEmpty() ? "" : "; known fields here: " + String.join(", ", known));
        return "'" + name + "' is not a field of the declaration format" + suggestion;
    }

    /** The property names of the schema object whose additionalProperties=false raised the error. */
    private List<String> knownFields(Error error) {
        String fragment = error.getSchemaLocation() == null ? null : error.getSchemaLocation().getFragment().toString();
        if (fragment == null || !fragment.endsWith("/additionalProperties")) {
            return List.of();
        }
        String parent = fragment.substring(0, fragment.length() - "/additionalProperties".length());
        JsonNode properties = schemaTree.at(parent.isEmpty() ? "/properties" : parent + "/properties");
        List<String> names = new ArrayList<>();
        properties.propertyNames().forEach(names::add);
        return names;
    }

    private static String pointer(Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        return location.equals("/") ? "" : location;
    }

    private static String expectedType(JsonNode rule) {
        if (rule.isArray()) {
            return StreamSupport.stream(rule.spliterator(), false)
                    .map(t -> JsonTypes.schemaType(t.asString())).collect(Collectors.joining(" or "));
        }
        return JsonTypes.schemaType(rule.asString());
    }

    private static String valueText(JsonNode value) {
        if (value == null) {
            return "the value";
        }
        return value.isString() ? "'" + JsonTypes.abbreviate(value.asString()) + "'" : JsonTypes.describe(value);
    }

    static String escape(String segment) {
        return segment == null ? "" : segment.replace("~", "~0").replace("/", "~1");
    }
}
