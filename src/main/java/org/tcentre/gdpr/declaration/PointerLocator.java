package org.tcentre.gdpr.declaration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Where in a declaration's text a JSON pointer (RFC 6901) points: the 1-based line and column, so that a finding
 * about {@code /activities/1/transfers/0/mechanism} can be shown on line 185 of the YAML file the team wrote.
 *
 * <p>The document is streamed once, with the same Jackson parsers that read declarations, and the position of
 * every value is recorded by pointer; a lookup is then a map access. Pure: it depends on nothing else in the
 * project, and a locator is immutable and thread-safe.
 *
 * <p><b>Which position.</b> {@link Location#line()}/{@link Location#column()} are those of the <em>key</em> when
 * the pointer names a member of an object ({@code mechanism: sccs} → the {@code m}), because that is where a
 * reader looks, and because in block YAML the value of an object-valued key only starts on the next line. For an
 * array element, and for the whole document, they are those of the value itself (for {@code - id: x} that is the
 * {@code i} of {@code id}; for a flow {@code [a, b]} the item). {@link Location#valueLine()} and
 * {@link Location#valueColumn()} always give the start of the value ({@code >} of a folded scalar, {@code {} of a
 * flow mapping, the first key of a block mapping).
 *
 * <p><b>Columns</b> count UTF-16 code units (Java {@code char}s), the unit SARIF uses by default, for JSON and YAML
 * alike (the YAML parser counts code points; the difference, for characters outside the Basic Multilingual Plane,
 * is corrected here). Tabs count as one column. A leading byte-order mark is not counted.
 *
 * <p><b>Absent fields.</b> Findings often point at a field that is not there ("no retention period declared").
 * {@link #locate} then falls back to the nearest ancestor that exists and says so ({@link Location#exact()} is
 * {@code false}); the root always exists, at line 1, column 1, unless the text is empty.
 *
 * <p><b>Broken text.</b> The locator never throws on content: if the text stops parsing part-way, everything read
 * until then is located and the rest falls back to its ancestors. (A declaration that reached a report has
 * already parsed, so this only matters for other callers.)
 */
public final class PointerLocator {

    /**
     * Where a pointer was found.
     *
     * @param pointer     the pointer actually located: the one asked for when {@code exact}, otherwise its nearest
     *                    existing ancestor ({@code ""} for the document itself)
     * @param exact       whether {@code pointer} is the one asked for
     * @param line        1-based line of the key (object member) or of the value (array element, document)
     * @param column      1-based column, in UTF-16 code units, matching {@code line}
     * @param valueLine   1-based line where the value starts
     * @param valueColumn 1-based column where the value starts
     */
    public record Location(String pointer, boolean exact, int line, int column, int valueLine, int valueColumn) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    /** Per pointer: key line and column (0, 0 when there is no key), value line and column. */
    private final Map<String, int[]> positions;

    private PointerLocator(Map<String, int[]> positions) {
        this.positions = positions;
    }

    /**
     * Reads a declaration as submitted.
     *
     * @param bytes  UTF-8 JSON or YAML, as {@link DeclarationDocument#bytes()} holds it
     * @param format "json" or "yaml" (as {@link DeclarationDocument#format()}); {@code null} or anything else:
     *               JSON if the text starts with "{", otherwise YAML
     */
    public static PointerLocator of(byte[] bytes, String format) {
        return of(new String(bytes, StandardCharsets.UTF_8), format);
    }

    /** As {@link #of(byte[], String)}, from text. */
    public static PointerLocator of(String text, String format) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        boolean json = format == null || !(format.equalsIgnoreCase("json") || format.equalsIgnoreCase("yaml"))
                ? content.stripLeading().startsWith("{")
                : format.toLowerCase(Locale.ROOT).equals("json");
        Map<String, int[]> positions = new HashMap<>();
        new Scan(content, !json, positions).run(json ? JSON : YAML);
        return new PointerLocator(Map.copyOf(positions));
    }

    /**
     * Where {@code pointer} is, or where its nearest existing ancestor is when it names something absent.
     * {@code null} only when not even the document root could be read (empty or unreadable text).
     *
     * @param pointer an RFC 6901 pointer such as {@code /activities/2/transfers/0/mechanism}; {@code ""} or
     *                {@code null} for the whole document; segments escaped as RFC 6901 says ({@code ~1} for "/",
     *                {@code ~0} for "~")
     */
    public Location locate(String pointer) {
        String wanted = pointer == null ? "" : pointer;
        String current = wanted.isEmpty() || wanted.startsWith("/") ? wanted : "";
        while (true) {
            int[] at = positions.get(current);
            if (at != null) {
                boolean keyed = at[0] > 0;
                boolean valued = at[2] > 0; // false only when the text broke off between a key and its value
                return new Location(current, current.equals(wanted), keyed ? at[0] : at[2], keyed ? at[1] : at[3],
                        valued ? at[2] : at[0], valued ? at[3] : at[1]);
            }
            if (current.isEmpty()) {
                return null;
            }
            current = current.substring(0, current.lastIndexOf('/'));
        }
    }

    /** Whether {@code pointer} names something present in the document. */
    public boolean contains(String pointer) {
        return positions.containsKey(pointer == null ? "" : pointer);
    }

    /** Escapes one pointer segment as RFC 6901 says: "~" as "~0", "/" as "~1". */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** One pass over the tokens, keeping the pointer of each open container. */
    private static final class Scan {
        private final String text;
        private final boolean codePointColumns;
        private final Map<String, int[]> positions;
        private int[] lineStarts;

        Scan(String text, boolean codePointColumns, Map<String, int[]> positions) {
            this.text = text;
            this.codePointColumns = codePointColumns;
            this.positions = positions;
        }

        /** A container being read: its pointer, the next array index, and the member whose value comes next. */
        private static final class Frame {
            final String pointer;
            final boolean array;
            int nextIndex;
            String member;

            Frame(String pointer, boolean array) {
                this.pointer = pointer;
                this.array = array;
            }
        }

        void run(ObjectMapper mapper) {
            Deque<Frame> open = new ArrayDeque<>();
            try (JsonParser parser = mapper.createParser(text)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    Frame frame = open.peek();
                    if (token == JsonToken.PROPERTY_NAME) {
                        if (frame == null) {
                            return;
                        }
                        frame.member = frame.pointer + "/" + escape(parser.currentName());
                        int[] key = position(parser.currentTokenLocation());
                        positions.putIfAbsent(frame.member, new int[] {key[0], key[1], 0, 0});
                        continue;
                    }
                    if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                        open.pop();
                        if (open.isEmpty()) {
                            return; // the document is complete; a YAML stream's further documents are not read
                        }
                        continue;
                    }
                    String pointer;
                    if (frame == null) {
                        pointer = "";
                    } else if (frame.array) {
                        pointer = frame.pointer + "/" + frame.nextIndex++;
                    } else {
                        pointer = frame.member;
                    }
                    int[] value = position(parser.currentTokenLocation());
                    int[] known = positions.computeIfAbsent(pointer, p -> new int[4]);
                    if (known[2] == 0) { // not for the value of a repeated key: the first occurrence counts
                        known[2] = value[0];
                        known[3] = value[1];
                    }
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        open.push(new Frame(pointer, token == JsonToken.START_ARRAY));
                    } else if (frame == null) {
                        return; // a document that is a single scalar
                    }
                }
            } catch (JacksonException e) {
                // Keep what was read; the rest falls back to its ancestors.
            }
        }

        /** Line and column (UTF-16 units) of a token. */
        private int[] position(TokenStreamLocation location) {
            int line = Math.max(1, location.getLineNr());
            int column = Math.max(1, location.getColumnNr());
            return new int[] {line, codePointColumns ? utf16Column(line, column) : column};
        }

        /** The YAML parser counts code points; SARIF and editors count UTF-16 units. */
        private int utf16Column(int line, int codePointColumn) {
            if (lineStarts == null) {
                lineStarts = lineStarts(text);
            }
            if (line > lineStarts.length) {
                return codePointColumn;
            }
            int start = lineStarts[line - 1];
            int end = line < lineStarts.length ? lineStarts[line] : text.length();
            int offset = start;
            int skipped = 0;
            while (skipped < codePointColumn - 1 && offset < end) {
                offset += Character.charCount(text.codePointAt(offset));
                skipped++;
            }
            return offset - start + 1 + (codePointColumn - 1 - skipped);
        }

        private static int[] lineStarts(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                    starts.add(i + 1);
                } else if (c == '\n' || c == '\r') {
                    starts.add(i + 1);
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
