package org.tcentre.gdpr.evaluation;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.tcentre.gdpr.declaration.PointerLocator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A file of waivers for offline and CI use ({@code check --waivers FILE}): a YAML or JSON list, each item an
 * object with exactly the fields {@code id, productId, ruleId, activityId} (optional){@code , justification,
 * approver, expires} (YYYY-MM-DD). It is read strictly: every problem is reported with the file, line and
 * column and the JSON pointer of the value, and none of the waivers is used when there is any. The format is
 * documented in {@code docs/waivers.md}.
 */
public final class WaiverFile {

    /** A waiver file is a short list written by hand; anything larger is a mistake. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final List<String> FIELDS = List.of("id", "productId", "ruleId", "activityId", "justification",
            "approver", "expires");

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder().build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .loadSettings(LoadSettings.builder().setAllowDuplicateKeys(false).setCodePointLimit(MAX_BYTES).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Every problem of a waiver file, each as "file:line:column: pointer: message", in file order. */
    public static final class InvalidWaiverFileException extends Exception {
        private final List<String> problems;

        InvalidWaiverFileException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private WaiverFile() {
    }

    /** Reads and validates a waiver file; its extension (.json, .yaml, .yml) decides the syntax. */
    public static List<Waiver> read(Path file) throws InvalidWaiverFileException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidWaiverFileException(List.of(file + ": larger than " + MAX_BYTES / 1024
                        + " KiB; a waiver file is a short list"));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidWaiverFileException(List.of(file + ": cannot be read (" + e.getMessage() + ")"));
        }
        return read(bytes, file.toString());
    }

    /** Reads and validates waivers from bytes; {@code name} names them in problems and picks the syntax. */
    public static List<Waiver> read(byte[] bytes, String name) throws InvalidWaiverFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidWaiverFileException(List.of(name + ": not UTF-8 text"));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean json = lower.endsWith(".json") || (!lower.endsWith(".yaml") && !lower.endsWith(".yml")
                && text.stripLeading().startsWith("["));
        JsonNode tree;
        try {
            tree = (json ? JSON : YAML).readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? name : name + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new InvalidWaiverFileException(List.of(where + ": not valid " + (json ? "JSON" : "YAML") + ": "
                    + plain(e.getOriginalMessage())));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return List.of(); // an empty file waives nothing
        }
        PointerLocator locator = PointerLocator.of(text, json ? "json" : "yaml");
        List<String> problems = new ArrayList<>();
        if (!tree.isArray()) {
            problems.add(at(name, locator, "") + "a waiver file is a list of waivers, one item per waiver");
            throw new InvalidWaiverFileException(problems);
        }
        List<Waiver> waivers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < tree.size(); i++) {
            String base = "/" + i;
            JsonNode item = tree.get(i);
            if (!item.isObject()) {
                problems.add(at(name, locator, base) + "each waiver is an object with the fields " + String.join(", ", FIELDS));
                continue;
            }
            int before = problems.size();
            for (String field : item.propertyNames()) {
                if (!FIELDS.contains(field)) {
                    problems.add(at(name, locator, base + "/" + PointerLocator.escape(field)) + "unknown field '" + field
                            + "'; a waiver has " + String.join(", ", FIELDS));
                }
            }
            String[] values = new String[FIELDS.size()];
            for (int f = 0; f < FIELDS.size(); f++) {
                JsonNode value = item.get(FIELDS.get(f));
                if (value == null || value.isNull()) {
                    continue;
                }
                if (!value.isString()) {
                    problems.add(at(name, locator, base + "/" + FIELDS.get(f)) + "must be a text");
                    continue;
                }
                values[f] = value.asString();
            }
            LocalDate expires = null;
            if (values[6] != null) {
                try {
                    expires = LocalDate.parse(values[6]);
                } catch (DateTimeParseException e) {
                    problems.add(at(name, locator, base + "/expires") + "'" + values[6]
                            + "' is not a date written YYYY-MM-DD");
                    values[6] = "";
                }
            }
            for (Waiver.Problem problem : Waiver.problems(values[0], values[1], values[2], values[3], values[4],
                    values[5], expires)) {
                if (problem.field().equals("expires") && "".equals(values[6])) {
                    continue; // already reported as not a date
                }
                problems.add(at(name, locator, base + "/" + problem.field()) + problem.message());
            }
            if (values[0] != null && !values[0].isBlank() && !ids.add(values[0])) {
                problems.add(at(name, locator, base + "/id") + "the id '" + values[0] + "' is used by an earlier waiver");
            }
            if (problems.size() == before) {
                waivers.add(new Waiver(values[0], values[1], values[2], values[3], values[4], values[5], expires));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidWaiverFileException(problems);
        }
        return List.copyOf(waivers);
    }

    /** The parser's message without the quoted source lines and carets it appends (the location says where). */
    private static String plain(String message) {
        if (message == null) {
            return "syntax error";
        }
        List<String> parts = message.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip).toList();
        return parts.isEmpty() ? message.strip() : String.join(": ", parts);
    }

    /** "file:line:column: /0/ruleId: " for a pointer, located at its nearest existing ancestor when it is absent. */
    private static String at(String name, PointerLocator locator, String pointer) {
        PointerLocator.Location location = locator.locate(pointer);
        String where = location == null ? name : name + ":" + location.line() + ":" + location.column();
        return where + ": " + (pointer.isEmpty() ? "" : pointer + ": ");
    }
}
