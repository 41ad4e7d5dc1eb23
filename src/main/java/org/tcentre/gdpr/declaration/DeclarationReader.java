package org.tcentre.gdpr.declaration;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a declaration from JSON or YAML bytes and validates it completely before anything evaluates it:
 * size and encoding, syntax (with line and column), the published JSON Schema and cross-references.
 * Either every problem is reported at once, or a fully typed {@link DeclarationDocument} comes back.
 *
 * <p>Thread-safe and meant to be shared: the mappers and the compiled schema are built once.
 */
public final class DeclarationReader {

    /** The default size limit, the same for the CLI and the API. */
    public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
    private static final int MAX_NESTING = 64;

    private final int maxBytes;
    private final ObjectMapper json;
    private final ObjectMapper yaml;
    private final DeclarationSchema schema;

    public DeclarationReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public DeclarationReader(int maxBytes) {
        this.maxBytes = maxBytes;
        var constraints = StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).maxStringLength(maxBytes).build();
        // An absent yes/no field reads as "no" (Jackson 3 would refuse it); the schema already refuses explicit nulls.
        this.json = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        // Aliases are refused by YamlGuard before Jackson sees the text; the code-point limit is a second fence.
        var yamlSettings = LoadSettings.builder().setCodePointLimit(maxBytes).setAllowDuplicateKeys(false).build();
        this.yaml = YAMLMapper.builder(YAMLFactory.builder().loadSettings(yamlSettings).streamReadConstraints(constraints).build())
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.schema = DeclarationSchema.load();
    }

    /** Reads a file, refusing it before reading when it is larger than the limit. */
    public DeclarationDocument read(Path file) throws InvalidDeclarationException {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InvalidDeclarationException(tooLarge(size));
            }
            return read(Files.readAllBytes(file), file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new InvalidDeclarationException(DeclarationProblem.at("", "the file " + file + " does not exist"));
        } catch (IOException e) {
            throw new InvalidDeclarationException(DeclarationProblem.at("", "the file " + file + " cannot be read: " + e.getMessage()));
        }
    }

    /**
     * Reads a declaration from its exact bytes.
     *
     * @param source a file name or label; its extension (.json, .yaml, .yml) decides the format, otherwise
     *               the content does
     */
    public DeclarationDocument read(byte[] bytes, String source) throws InvalidDeclarationException {
        if (bytes.length > maxBytes) {
            throw new InvalidDeclarationException(tooLarge(bytes.length));
        }
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new InvalidDeclarationException(DeclarationProblem.at("", "the declaration is empty"));
        }
        String format = formatOf(source, text);
        JsonNode tree = parse(text, format);
        if (!tree.isObject()) {
            throw new InvalidDeclarationException(DeclarationProblem.at("",
                    "a declaration is a set of named fields (starting with formatVersion and id), not "
                            + JsonTypes.describe(tree)));
        }
        List<DeclarationProblem> problems = new ArrayList<>(schema.validate(tree));
        problems.addAll(ReferenceCheck.of(tree));
        if (!problems.isEmpty()) {
            throw new InvalidDeclarationException(problems.stream().distinct().sorted(DeclarationProblem.ORDER).toList());
        }
        Declaration model;
        try {
            model = json.treeToValue(tree, Declaration.class);
        } catch (JacksonException e) {
            // The schema admits only what the model reads, so this is a schema/model mismatch: still the user's input.
            throw new InvalidDeclarationException(DeclarationProblem.at("", "the declaration cannot be read: " + e.getOriginalMessage()));
        }
        return new DeclarationDocument(source, format, bytes.clone(), sha256(bytes), tree, model);
    }

    /**
     * Reads a declaration this reader accepted before (a stored submission) without validating it again: the same
     * parsers and the same binding as {@link #read(byte[], String)}, so rules see the same facts, minus the JSON
     * Schema validation that costs several times the parse. For re-evaluating many stored declarations at once
     * (the impact preview); never for input that has not been through {@link #read(byte[], String)}.
     *
     * @param format "json" or "yaml", as stored
     * @param sha256 the stored SHA-256 of the bytes
     * @throws InvalidDeclarationException when the bytes no longer bind to the model (it changed since)
     */
    public DeclarationDocument readStored(byte[] bytes, String source, String format, String sha256)
            throws InvalidDeclarationException {
        try {
            JsonNode tree = ("yaml".equals(format) ? yaml : json).readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new InvalidDeclarationException(DeclarationProblem.at("", "the stored declaration is not an object"));
            }
            return new DeclarationDocument(source, format, bytes, sha256, tree, json.treeToValue(tree, Declaration.class));
        } catch (JacksonException e) {
            throw new InvalidDeclarationException(DeclarationProblem.at("",
                    "the stored declaration no longer reads: " + e.getOriginalMessage()));
        }
    }

    public int maxBytes() {
        return maxBytes;
    }

    private DeclarationProblem tooLarge(long size) {
        return DeclarationProblem.at("", String.format(Locale.ROOT,
                "the declaration is %s; the limit is %s", humanSize(size), humanSize(maxBytes)));
    }

    private static String humanSize(long bytes) {
        return bytes >= 1024 * 1024
                ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%d KB", (bytes + 1023) / 1024);
    }

    private static String decode(byte[] bytes) throws InvalidDeclarationException {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                throw new InvalidDeclarationException(DeclarationProblem.at("",
                        "this is a binary file, not a JSON or YAML declaration"));
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidDeclarationException(DeclarationProblem.at("",
                    "the file is not UTF-8 text; save the declaration as UTF-8 JSON or YAML"));
        }
    }

    private static String formatOf(String source, String text) {
        String name = source == null ? "" : source.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return "json";
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return "yaml";
        }
        return text.stripLeading().startsWith("{") ? "json" : "yaml";
    }

    private JsonNode parse(String text, String format) throws InvalidDeclarationException {
        if (format.equals("yaml")) {
            YamlGuard.check(text);
        }
        try {
            JsonNode tree = (format.equals("json") ? json : yaml).readTree(new StringReader(text));
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new InvalidDeclarationException(DeclarationProblem.at("", "the declaration is empty"));
            }
            return tree;
        } catch (JacksonException e) {
            throw new InvalidDeclarationException(syntaxProblem(e, format));
        }
    }

    private static DeclarationProblem syntaxProblem(JacksonException e, String format) {
        TokenStreamLocation where = e.getLocation();
        String message = SyntaxMessages.plain(e.getOriginalMessage(), format);
        if (where == null || where.getLineNr() < 1) {
            return DeclarationProblem.at("", message);
        }
        return DeclarationProblem.syntax(message, where.getLineNr(), where.getColumnNr());
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
