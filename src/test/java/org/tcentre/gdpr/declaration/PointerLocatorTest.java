package org.tcentre.gdpr.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.declaration.PointerLocator.Location;

class PointerLocatorTest {

    private static final String YAML = String.join("\n",
            "formatVersion: 1",                                   // 1
            "id: demo",                                           // 2
            "product:",                                           // 3
            "  name: Demo",                                       // 4
            "  description: >-",                                  // 5
            "    A folded description",                           // 6
            "    over two lines.",                                // 7
            "  notes: |",                                         // 8
            "    literal",                                        // 9
            "    block",                                          // 10
            "  markets: [NL, BE]",                                // 11
            "  owner: { team: Core, mail: \"core@example.com\" }", // 12
            "activities:",                                        // 13
            "  - id: first",                                      // 14
            "    legalBasis: consent",                            // 15
            "    transfers:",                                     // 16
            "      - recipient: r1",                              // 17
            "        mechanism: sccs",                            // 18
            "      - recipient: r2",                              // 19
            "  - id: second",                                     // 20
            "    retention:",                                     // 21
            "      trigger: when closed",                         // 22
            "\"a/b\": 1",                                         // 23
            "\"m~n\": 2",                                         // 24
            "\"~1\": 3",                                          // 25
            "");

    private static final String JSON = String.join("\n",
            "{",                                                  // 1
            "  \"formatVersion\": 1,",                            // 2
            "  \"product\": {",                                   // 3
            "    \"name\": \"Demo\",",                            // 4
            "    \"markets\": [\"NL\", \"BE\"]",                  // 5
            "  },",                                               // 6
            "  \"activities\": [",                                // 7
            "    {",                                              // 8
            "      \"id\": \"first\",",                           // 9
            "      \"transfers\": [ { \"recipient\": \"r1\", \"mechanism\": \"sccs\" } ]", // 10
            "    }",                                              // 11
            "  ],",                                               // 12
            "  \"a/b\": { \"m~n\": true }",                       // 13
            "}",                                                  // 14
            "");

    private final PointerLocator yaml = PointerLocator.of(YAML.getBytes(StandardCharsets.UTF_8), "yaml");
    private final PointerLocator json = PointerLocator.of(JSON.getBytes(StandardCharsets.UTF_8), "json");

    @Test
    void locates_a_yaml_member_at_its_key_and_gives_where_its_value_starts() {
        assertThat(yaml.locate("/id")).isEqualTo(new Location("/id", true, 2, 1, 2, 5));
        assertThat(yaml.locate("/product/name")).isEqualTo(new Location("/product/name", true, 4, 3, 4, 9));
        // An object-valued key: the key's line, the value's first key on the next line.
        assertThat(yaml.locate("/product")).isEqualTo(new Location("/product", true, 3, 1, 4, 3));
    }

    @Test
    void locates_members_in_and_after_multi_line_strings() {
        assertThat(yaml.locate("/product/description")).isEqualTo(new Location("/product/description", true, 5, 3, 5, 16));
        assertThat(yaml.locate("/product/notes")).isEqualTo(new Location("/product/notes", true, 8, 3, 8, 10));
        assertThat(yaml.locate("/product/markets").line()).isEqualTo(11);
    }

    @Test
    void locates_flow_style_sequences_and_mappings() {
        assertThat(yaml.locate("/product/markets")).isEqualTo(new Location("/product/markets", true, 11, 3, 11, 12));
        assertThat(yaml.locate("/product/markets/0")).isEqualTo(new Location("/product/markets/0", true, 11, 13, 11, 13));
        assertThat(yaml.locate("/product/markets/1")).isEqualTo(new Location("/product/markets/1", true, 11, 17, 11, 17));
        assertThat(yaml.locate("/product/owner")).isEqualTo(new Location("/product/owner", true, 12, 3, 12, 10));
        assertThat(yaml.locate("/product/owner/team")).isEqualTo(new Location("/product/owner/team", true, 12, 12, 12, 18));
        assertThat(yaml.locate("/product/owner/mail")).isEqualTo(new Location("/product/owner/mail", true, 12, 24, 12, 30));
    }

    @Test
    void locates_arrays_of_objects_element_by_element() {
        // An element is located at its value: for "- id: first", the first key.
        assertThat(yaml.locate("/activities/0")).isEqualTo(new Location("/activities/0", true, 14, 5, 14, 5));
        assertThat(yaml.locate("/activities/1")).isEqualTo(new Location("/activities/1", true, 20, 5, 20, 5));
        assertThat(yaml.locate("/activities/0/legalBasis")).isEqualTo(
                new Location("/activities/0/legalBasis", true, 15, 5, 15, 17));
        assertThat(yaml.locate("/activities/0/transfers/0/mechanism")).isEqualTo(
                new Location("/activities/0/transfers/0/mechanism", true, 18, 9, 18, 20));
        assertThat(yaml.locate("/activities/0/transfers/1/recipient").line()).isEqualTo(19);
        assertThat(yaml.locate("/activities/1/retention/trigger").line()).isEqualTo(22);
    }

    @Test
    void falls_back_to_the_nearest_existing_ancestor_for_an_absent_field() {
        Location period = yaml.locate("/activities/1/retention/period");
        assertThat(period.exact()).isFalse();
        assertThat(period.pointer()).isEqualTo("/activities/1/retention");
        assertThat(List.of(period.line(), period.column())).containsExactly(21, 5);

        Location deep = yaml.locate("/activities/1/consent/explicit");
        assertThat(deep.pointer()).isEqualTo("/activities/1");
        assertThat(deep.line()).isEqualTo(20);

        assertThat(yaml.locate("/activities/7/legalBasis").pointer()).isEqualTo("/activities");
        // Past a scalar: the scalar is the nearest thing that exists.
        assertThat(yaml.locate("/id/more").pointer()).isEqualTo("/id");
        assertThat(yaml.locate("/nothing").pointer()).isEmpty();
        assertThat(yaml.contains("/nothing")).isFalse();
        assertThat(yaml.contains("/activities/1/retention")).isTrue();
    }

    @Test
    void the_document_itself_is_at_line_one() {
        assertThat(yaml.locate("")).isEqualTo(new Location("", true, 1, 1, 1, 1));
        assertThat(yaml.locate(null)).isEqualTo(new Location("", true, 1, 1, 1, 1));
        assertThat(json.locate("")).isEqualTo(new Location("", true, 1, 1, 1, 1));
        // Not a pointer at all: the document.
        assertThat(yaml.locate("activities").pointer()).isEmpty();
    }

    @Test
    void reads_escaped_pointer_segments() {
        assertThat(yaml.locate("/a~1b")).isEqualTo(new Location("/a~1b", true, 23, 1, 23, 8));
        assertThat(yaml.locate("/m~0n")).isEqualTo(new Location("/m~0n", true, 24, 1, 24, 8));
        // "~1" as a key is "~01" as a segment, and not "/".
        assertThat(yaml.locate("/~01")).isEqualTo(new Location("/~01", true, 25, 1, 25, 7));
        assertThat(yaml.locate("/a/b").pointer()).isEmpty();
        assertThat(json.locate("/a~1b/m~0n")).isEqualTo(new Location("/a~1b/m~0n", true, 13, 12, 13, 19));
        assertThat(PointerLocator.escape("a/b~c")).isEqualTo("a~1b~0c");
    }

    @Test
    void locates_json_members_elements_and_inline_objects() {
        assertThat(json.locate("/formatVersion")).isEqualTo(new Location("/formatVersion", true, 2, 3, 2, 20));
        assertThat(json.locate("/product")).isEqualTo(new Location("/product", true, 3, 3, 3, 14));
        assertThat(json.locate("/product/markets/1")).isEqualTo(new Location("/product/markets/1", true, 5, 23, 5, 23));
        assertThat(json.locate("/activities/0")).isEqualTo(new Location("/activities/0", true, 8, 5, 8, 5));
        assertThat(json.locate("/activities/0/transfers/0")).isEqualTo(
                new Location("/activities/0/transfers/0", true, 10, 22, 10, 22));
        assertThat(json.locate("/activities/0/transfers/0/mechanism")).isEqualTo(
                new Location("/activities/0/transfers/0/mechanism", true, 10, 43, 10, 56));
        Location absent = json.locate("/activities/0/retention");
        assertThat(absent.exact()).isFalse();
        assertThat(absent.pointer()).isEqualTo("/activities/0");
    }

    @Test
    void counts_columns_in_utf16_units_in_json_and_yaml_alike() {
        // "😀" is two UTF-16 units (one code point); "é" one.
        String yamlText = "name: \"é😀\"\nb: { x: \"😀\", y: 1 }\n";
        PointerLocator fromYaml = PointerLocator.of(yamlText, "yaml");
        assertThat(fromYaml.locate("/b/y").column()).isEqualTo(15);
        assertThat(fromYaml.locate("/b/y").valueColumn()).isEqualTo(18);
        assertThat(yamlText.split("\n")[1].indexOf("y:") + 1).isEqualTo(15);

        String jsonText = "{\"name\": \"é😀\", \"b\": 1}";
        PointerLocator fromJson = PointerLocator.of(jsonText, "json");
        assertThat(fromJson.locate("/b").column()).isEqualTo(jsonText.indexOf("\"b\"") + 1);
    }

    @Test
    void handles_crlf_line_ends_and_a_byte_order_mark() {
        String crlf = "\uFEFFid: demo\r\nproduct:\r\n  name: \"Łódź\"\r\n  version: 2\r\n";
        PointerLocator locator = PointerLocator.of(crlf.getBytes(StandardCharsets.UTF_8), "yaml");
        assertThat(locator.locate("/id")).isEqualTo(new Location("/id", true, 1, 1, 1, 5));
        assertThat(locator.locate("/product/version")).isEqualTo(new Location("/product/version", true, 4, 3, 4, 12));

        String json = "\uFEFF{\r\n  \"id\": \"demo\",\r\n  \"n\": 2\r\n}";
        PointerLocator fromJson = PointerLocator.of(json.getBytes(StandardCharsets.UTF_8), "json");
        assertThat(fromJson.locate("/n")).isEqualTo(new Location("/n", true, 3, 3, 3, 8));
    }

    @Test
    void guesses_the_format_when_none_is_given() {
        assertThat(PointerLocator.of(JSON, null).locate("/product/markets/1").column()).isEqualTo(23);
        assertThat(PointerLocator.of(YAML, null).locate("/product/owner/team").column()).isEqualTo(12);
    }

    @Test
    void keeps_what_it_read_when_the_text_breaks_off() {
        PointerLocator broken = PointerLocator.of("id: demo\nproduct:\n  name: [unclosed\n  version: 2\n", "yaml");
        assertThat(broken.locate("/id").exact()).isTrue();
        assertThat(broken.locate("/product/version").pointer()).isIn("/product", "/product/version");

        assertThat(PointerLocator.of("", "yaml").locate("/id")).isNull();
        assertThat(PointerLocator.of("{\"a\": {\"b\": 1, \"c\": [", "json").locate("/a/c/0/x").pointer()).isEqualTo("/a/c");
    }

    @Test
    void the_first_of_repeated_keys_counts() {
        PointerLocator repeated = PointerLocator.of("{\"a\": 1,\n \"a\": 2}", "json");
        assertThat(repeated.locate("/a")).isEqualTo(new Location("/a", true, 1, 2, 1, 7));
    }

    @Test
    void locates_fields_of_a_shipped_example_declaration() throws Exception {
        Path file = Path.of("docs/examples/fitness-tracker.yaml");
        PointerLocator locator = PointerLocator.of(Files.readAllBytes(file), "yaml");
        List<String> lines = Files.readAllLines(file);

        Location mechanism = locator.locate("/activities/1/transfers/0/mechanism");
        assertThat(mechanism).isEqualTo(new Location("/activities/1/transfers/0/mechanism", true, 185, 9, 185, 20));
        assertThat(lines.get(mechanism.line() - 1).substring(mechanism.column() - 1)).startsWith("mechanism: sccs");
        assertThat(lines.get(mechanism.valueLine() - 1).substring(mechanism.valueColumn() - 1)).startsWith("sccs");

        Location explicit = locator.locate("/activities/1/consent/explicit");
        assertThat(lines.get(explicit.line() - 1).substring(explicit.column() - 1)).startsWith("explicit: false");

        Location markets = locator.locate("/product/markets/2");
        assertThat(lines.get(markets.line() - 1).substring(markets.column() - 1)).startsWith("DE, FR]");

        Location retention = locator.locate("/activities/1/retention/period");
        assertThat(retention.exact()).isFalse();
        assertThat(retention.line()).isEqualTo(186);
        assertThat(lines.get(185).strip()).isEqualTo("retention:");

        assertThat(locator.locate("/product/informationSocietyService").line()).isEqualTo(28);
        assertThat(locator.locate("/activities/3").line()).isEqualTo(242);
    }

    @Test
    void locates_what_the_declaration_reader_reads() throws Exception {
        DeclarationDocument document = new DeclarationReader().read(Path.of("docs/examples/fitness-tracker.yaml"));
        PointerLocator locator = PointerLocator.of(document.bytes(), document.format());
        // Every field of the parsed tree has a place in the text.
        assertEveryPointerLocated(document.tree(), "", locator);
    }

    private static void assertEveryPointerLocated(tools.jackson.databind.JsonNode node, String pointer,
                                                  PointerLocator locator) {
        assertThat(locator.contains(pointer)).as(pointer).isTrue();
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                assertEveryPointerLocated(node.get(name), pointer + "/" + PointerLocator.escape(name), locator);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertEveryPointerLocated(node.get(i), pointer + "/" + i, locator);
            }
        }
    }
}
