package org.tcentre.gdpr.report;

import org.tcentre.gdpr.declaration.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcentre.gdpr.evaluation.Verdict;
import org.tcentre.gdpr.rules.PracticeArea;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The texts of the PDF report that a privacy office words in its own voice: who issues the report, what
 * each practice area covers, what each verdict means for the team, and the disclaimer. They are data, not
 * code: {@code reports/wording.yaml}, read at run time like the rule set, and read strictly — an unknown
 * key, a missing or empty text is an error naming the file and line, never a silently blank page.
 *
 * <p>The keys (all required): {@code centre.name}, {@code centre.contact}, {@code practiceAreas.P1} …
 * {@code practiceAreas.P6}, {@code verdicts.COMPLIANT}, {@code verdicts.COMPLIANT_WITH_OBSERVATIONS},
 * {@code verdicts.NON_COMPLIANT}, {@code disclaimer}, {@code waivers.intro}, {@code waivers.expired}. See
 * {@code docs/report-format.md}.
 *
 * @param waiversIntro   printed under "Waived findings": what a waiver is and why waived findings are still shown
 * @param waiversExpired printed before the list of expired waivers that would otherwise have applied
 *
 * @param file   where the wording was read from, as given (for messages and the report's integrity page)
 * @param sha256 SHA-256 (hex) of the wording file's bytes
 */
public record ReportWording(
        String centreName,
        String centreContact,
        Map<PracticeArea, String> practiceAreas,
        Map<Verdict, String> verdicts,
        String disclaimer,
        String waiversIntro,
        String waiversExpired,
        String file,
        String sha256) {

    /** The directory the CLI reads by default, relative to the working directory (like {@code rules}). */
    public static final Path DEFAULT_DIRECTORY = Path.of("reports");
    public static final String FILE_NAME = "wording.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    public ReportWording {
        practiceAreas = Map.copyOf(practiceAreas);
        verdicts = Map.copyOf(verdicts);
    }

    public String practiceArea(PracticeArea area) {
        return practiceAreas.get(area);
    }

    public String verdict(Verdict verdict) {
        return verdicts.get(verdict);
    }

    /** Reads {@code directory/wording.yaml}. */
    public static ReportWording load(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isDirectory(directory)) {
            throw new ReportWordingException(List.of(directory + ": the report wording directory does not exist "
                    + "(it must hold " + FILE_NAME + "; see docs/report-format.md)"));
        }
        if (!Files.isRegularFile(file)) {
            throw new ReportWordingException(List.of(directory + ": no report wording file; expected " + file
                    + " (see docs/report-format.md for its keys)"));
        }
        try {
            return read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new ReportWordingException(List.of(file + ": cannot be read: " + e.getMessage()));
        }
    }

    /** Reads wording from the bytes of a YAML file; {@code file} names it in messages. */
    public static ReportWording read(byte[] yaml, String file) {
        var reader = new Reader(file);
        if (reader.parse(yaml)) {
            reader.checkComplete(); // what is missing means something only in a file that could be read
        }
        if (!reader.problems.isEmpty()) {
            throw new ReportWordingException(reader.problems);
        }
        Map<String, String> texts = reader.texts;
        Map<PracticeArea, String> areas = new EnumMap<>(PracticeArea.class);
        for (PracticeArea area : PracticeArea.values()) {
            areas.put(area, texts.get("practiceAreas." + area.name()));
        }
        Map<Verdict, String> verdicts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            verdicts.put(verdict, texts.get("verdicts." + verdict.name()));
        }
        return new ReportWording(texts.get("centre.name"), texts.get("centre.contact"), areas, verdicts,
                texts.get("disclaimer"), texts.get("waivers.intro"), texts.get("waivers.expired"), file, sha256(yaml));
    }

    /** Every key the file must have, as dotted paths, in the order the file is documented. */
    static List<String> requiredKeys() {
        List<String> keys = new ArrayList<>(List.of("centre.name", "centre.contact"));
        for (PracticeArea area : PracticeArea.values()) {
            keys.add("practiceAreas." + area.name());
        }
        for (Verdict verdict : Verdict.values()) {
            keys.add("verdicts." + verdict.name());
        }
        keys.add("disclaimer");
        keys.add("waivers.intro");
        keys.add("waivers.expired");
        return keys;
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /** Walks the YAML token stream so that every key keeps its line. */
    private static final class Reader {
        private final String file;
        private final List<String> required = requiredKeys();
        private final Map<String, List<String>> groups = new LinkedHashMap<>();
        private final Map<String, String> texts = new LinkedHashMap<>();
        private final Map<String, Integer> groupLines = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();

        Reader(String file) {
            this.file = file;
            groups.put("", new ArrayList<>());
            for (String key : required) {
                int dot = key.indexOf('.');
                String group = dot < 0 ? "" : key.substring(0, dot);
                String name = dot < 0 ? key : key.substring(dot + 1);
                if (!group.isEmpty() && !groups.containsKey(group)) {
                    groups.put(group, new ArrayList<>());
                    groups.get("").add(group);
                }
                groups.get(group).add(name);
            }
        }

        /** Reads the file's keys; {@code false} when it is empty, not a mapping or not YAML at all. */
        boolean parse(byte[] yaml) {
            try (JsonParser parser = YAML.createParser(yaml)) {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    problems.add(file + ": the file is empty; it needs the keys " + String.join(", ", groups.get("")));
                    return false;
                }
                if (first != JsonToken.START_OBJECT) {
                    problems.add(at(parser) + "expected the keys " + String.join(", ", groups.get(""))
                            + ", not a single value or a list");
                    return false;
                }
                object(parser, "");
                return true;
            } catch (JacksonException e) {
                TokenStreamLocation where = e.getLocation();
                String line = where == null || where.getLineNr() < 1 ? "" : where.getLineNr() + ":";
                problems.add(file + ":" + line + " not valid YAML: "
                        + e.getOriginalMessage().replaceAll("\\s+", " ").strip());
                return false;
            }
        }

        /** Reads the keys of a mapping whose start token has just been read; {@code group} "" is the top level. */
        private void object(JsonParser parser, String group) {
            List<String> allowed = groups.get(group);
            List<String> seen = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                int line = parser.currentTokenLocation().getLineNr();
                String path = group.isEmpty() ? name : group + "." + name;
                JsonToken value = parser.nextToken();
                if (!allowed.contains(name)) {
                    problems.add(file + ":" + line + ": unknown key '" + path + "'"
                            + (group.isEmpty() ? "" : " under '" + group + "'") + " (expected: "
                            + String.join(", ", allowed) + ")");
                    parser.skipChildren();
                    continue;
                }
                if (seen.contains(name)) {
                    problems.add(file + ":" + line + ": '" + path + "' is given twice");
                    parser.skipChildren();
                    continue;
                }
                seen.add(name);
                if (groups.containsKey(path)) {
                    groupLines.put(path, line);
                    if (value != JsonToken.START_OBJECT) {
                        problems.add(file + ":" + line + ": '" + path + "' must hold the keys "
                                + String.join(", ", groups.get(path)));
                        parser.skipChildren();
                        continue;
                    }
                    object(parser, path);
                } else if (value == JsonToken.VALUE_STRING) {
                    String text = parser.getString().strip();
                    if (text.isEmpty()) {
                        problems.add(file + ":" + line + ": '" + path + "' is empty; write the text");
                    } else {
                        texts.put(path, text);
                    }
                } else if (value == JsonToken.VALUE_NULL) {
                    problems.add(file + ":" + line + ": '" + path + "' has no text; write the text");
                } else {
                    problems.add(file + ":" + line + ": '" + path + "' must be a text"
                            + (value != null && value.isScalarValue() ? " (put it in quotes)" : ""));
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                problems.add(at(parser) + "expected a key of '" + (group.isEmpty() ? "the file" : group) + "'");
            }
        }

        void checkComplete() {
            for (String key : required) {
                if (texts.containsKey(key) || problems.stream().anyMatch(p -> p.contains("'" + key + "'"))) {
                    continue;
                }
                int dot = key.indexOf('.');
                String group = dot < 0 ? "" : key.substring(0, dot);
                if (!group.isEmpty() && !groupLines.containsKey(group)) {
                    String missingGroup = file + ": missing '" + group + "' with the keys "
                            + String.join(", ", groups.get(group));
                    if (!problems.contains(missingGroup)) {
                        problems.add(missingGroup);
                    }
                    continue;
                }
                Integer line = group.isEmpty() ? null : groupLines.get(group);
                problems.add(file + (line == null ? "" : ":" + line) + ": missing text '" + key + "'");
            }
        }

        private String at(JsonParser parser) {
            int line = parser.currentTokenLocation().getLineNr();
            return file + (line < 1 ? "" : ":" + line) + ": ";
        }
    }

    @Override
    public String toString() {
        return "ReportWording[" + file + "]";
    }
}
