package org.tcentre.gdpr.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The published JSON Schema ({@code docs/declaration.schema.json}) is a contract with product teams; the records
 * in this package are the contract the rules read. This test keeps the two identical, and keeps the examples in
 * {@code docs/examples} valid against both.
 */
class SchemaMatchesModelTest {

    private static final Path SCHEMA = Path.of("docs/declaration.schema.json");
    private static final Path EXAMPLES = Path.of("docs/examples");
    private static final String REF_PREFIX = "#/$defs/";

    private static JsonNode schemaRoot;

    @BeforeAll
    static void loadSchema() throws IOException {
        schemaRoot = JsonMapper.builder().build().readTree(Files.readString(SCHEMA));
    }

    static Stream<String> examples() {
        return Stream.of("fitness-tracker", "hr-recruiting", "smart-camera", "team-notes");
    }

    @Test
    void schemaIsDraft202012WithIdAndTitle() {
        assertThat(schemaRoot.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schemaRoot.path("$id").asString()).isNotBlank();
        assertThat(schemaRoot.path("title").asString()).isNotBlank();
        assertThat(schemaRoot.path("properties").path("formatVersion").path("const").asInt()).isEqualTo(1);
        assertThat(stringList(schemaRoot.path("required"))).containsExactlyInAnyOrder("formatVersion", "id", "activities");
        assertThat(schemaRoot.path("properties").path("activities").path("minItems").asInt()).isEqualTo(1);
    }

    @Test
    void everyRecordReachedFromDeclarationMatchesItsSchemaObject() {
        SoftAssertions softly = new SoftAssertions();
        Set<Class<?>> visited = new HashSet<>();
        checkRecord(Declaration.class, schemaRoot, "#", visited, softly);
        softly.assertAll();
        // Sanity: the walk really covered the model (Declaration and its nested records).
        assertThat(visited).contains(Declaration.class, Activity.class, AutomatedDecision.Safeguards.class,
                Security.DataStore.class, Security.AccessLogging.class, AccessRequests.class, Transfer.class);
    }

    private void checkRecord(Class<?> type, JsonNode schema, String where, Set<Class<?>> visited, SoftAssertions softly) {
        if (!visited.add(type)) {
            return;
        }
        String label = type.getSimpleName() + " (" + where + ")";
        softly.assertThat(schema.path("type").asString()).as(label + " type").isEqualTo("object");
        softly.assertThat(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean())
                .as(label + " additionalProperties is false").isTrue();

        JsonNode properties = schema.path("properties");
        List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        softly.assertThat(fieldNames(properties)).as(label + " properties").containsExactlyInAnyOrderElementsOf(components);

        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode property = properties.path(component.getName());
            if (property.isMissingNode()) {
                continue; // reported above
            }
            String at = where + "/properties/" + component.getName();
            softly.assertThat(property.path("description").asString()).as(at + " description").isNotBlank();
            checkValue(component.getGenericType(), resolve(property), at, visited, softly);
        }
    }

    private void checkValue(Type javaType, JsonNode schema, String where, Set<Class<?>> visited, SoftAssertions softly) {
        if (javaType instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            softly.assertThat(schema.path("type").asString()).as(where + " type").isEqualTo("array");
            checkValue(parameterized.getActualTypeArguments()[0], resolve(schema.path("items")), where + "/items", visited, softly);
            return;
        }
        Class<?> type = (Class<?>) javaType;
        if (type.isRecord()) {
            checkRecord(type, schema, where, visited, softly);
        } else if (type.isEnum()) {
            softly.assertThat(schema.path("type").asString()).as(where + " type").isEqualTo("string");
            softly.assertThat(stringList(schema.path("enum"))).as(where + " enum of " + type.getSimpleName())
                    .containsExactlyElementsOf(codes(type));
        } else if (type == boolean.class || type == Boolean.class) {
            softly.assertThat(schema.path("type").asString()).as(where + " type").isEqualTo("boolean");
        } else if (type == int.class || type == Integer.class) {
            softly.assertThat(schema.path("type").asString()).as(where + " type").isEqualTo("integer");
        } else if (type == LocalDate.class) {
            softly.assertThat(schema.path("type").asString()).as(where + " type").isEqualTo("string");
            softly.assertThat(schema.path("format").asString()).as(where + " format").isEqualTo("date");
        } else if (type == String.class) {
            softly.assertThat(schema.path("type").asString()).as(where + " type").isEqualTo("string");
        } else {
            softly.fail(where + ": no schema check for Java type " + type.getName());
        }
    }

    /** Follows a local {@code $ref} to its definition; other keywords on the referring node are annotations. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asString();
            assertThat(ref).as("only local $defs references are used").startsWith(REF_PREFIX);
            current = schemaRoot.path("$defs").path(ref.substring(REF_PREFIX.length()));
            assertThat(current.isMissingNode()).as("$ref " + ref + " resolves").isFalse();
        }
        return current;
    }

    private static List<String> codes(Class<?> enumType) {
        List<String> codes = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            try {
                codes.add((String) enumType.getMethod("code").invoke(constant));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(enumType.getName() + " has no code() method", e);
            }
        }
        return codes;
    }

    private static List<String> fieldNames(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }

    private static List<String> stringList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleIsValidAgainstSchemaAndModel(String name) throws IOException {
        Path file = EXAMPLES.resolve(name + ".yaml");
        String yaml = Files.readString(file);
        // Strict about names; an absent yes/no field reads as "no" (Jackson 3 would otherwise refuse it), as in DeclarationReader.
        YAMLMapper yamlMapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();

        // (a) valid against the published schema, with format assertions on so dates are checked too
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_POINTER)
                        .build()));
        Schema schema = registry.getSchema(schemaRoot);
        JsonNode tree = yamlMapper.readTree(yaml);
        List<Error> errors = schema.validate(tree);
        assertThat(errors).as(file + " schema errors").extracting(Error::toString).isEmpty();

        // (b) reads into the model, strictly, and its id is the file name
        Declaration declaration = yamlMapper.readValue(yaml, Declaration.class);
        assertThat(declaration.id()).isEqualTo(name);
        assertThat(declaration.formatVersion()).isEqualTo(1);

        // (c) every id it refers to is declared, so the validator's cross-checks accept it too
        assertThat(danglingReferences(declaration)).as(file + " undefined references").isEmpty();

        // (d) it documents what it is designed to trigger
        assertThat(yaml).as(file + " intended-findings block").contains("Intended findings:");
    }

    private static List<String> danglingReferences(Declaration d) {
        List<String> problems = new ArrayList<>();
        Map<String, Activity> activities = new LinkedHashMap<>();
        d.activities().forEach(a -> activities.put(a.id(), a));
        for (Activity a : d.activities()) {
            String at = "activity " + a.id() + ": ";
            Set<String> purposes = new HashSet<>();
            a.purposes().forEach(p -> purposes.add(p.id()));
            for (DataUse use : a.data()) {
                if (d.dataCategory(use.category()) == null) {
                    problems.add(at + "data category " + use.category());
                }
                use.purposes().stream().filter(p -> !purposes.contains(p)).forEach(p -> problems.add(at + "purpose " + p));
            }
            a.dataSubjects().stream().filter(s -> d.dataSubject(s) == null).forEach(s -> problems.add(at + "data subject " + s));
            if (a.recipients() != null) {
                a.recipients().stream().filter(r -> d.recipient(r) == null).forEach(r -> problems.add(at + "recipient " + r));
            }
            a.transfers().stream().map(Transfer::recipient).filter(r -> r != null && d.recipient(r) == null)
                    .forEach(r -> problems.add(at + "transfer recipient " + r));
            a.automatedDecision().inputs().stream().filter(c -> d.dataCategory(c) == null)
                    .forEach(c -> problems.add(at + "decision input " + c));
            String from = a.reuse().fromActivity();
            if (from != null && !activities.containsKey(from)) {
                problems.add(at + "reuse from activity " + from);
            }
        }
        for (Security.DataStore store : d.security().stores()) {
            store.categories().stream().filter(c -> d.dataCategory(c) == null)
                    .forEach(c -> problems.add("store " + store.id() + ": data category " + c));
        }
        return problems;
    }
}
