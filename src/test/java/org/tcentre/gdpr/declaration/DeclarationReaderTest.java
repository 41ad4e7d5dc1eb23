package org.tcentre.gdpr.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the reader does with good and bad input: bad input is refused with every problem, by pointer. */
class DeclarationReaderTest {

    static DeclarationReader reader;

    /** The smallest valid declaration; each malformed input below breaks one thing in it. */
    static final String VALID = """
            formatVersion: 1
            id: minimal
            controller: { name: Example GmbH, country: DE }
            dataCategories:
              - { id: email, kind: contact }
            recipients:
              - { id: hosting, role: processor, country: DE }
            activities:
              - id: account
                purposes: [ { id: service, kind: account-management } ]
                legalBasis: contract
                data: [ { category: email, purposes: [service] } ]
                recipients: [hosting]
                retention: { period: P1Y }
            """;

    @BeforeAll
    static void setUp() {
        reader = new DeclarationReader();
    }

    @Test
    void reads_a_valid_declaration_into_the_model_and_hashes_its_exact_bytes() throws Exception {
        byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
        DeclarationDocument document = reader.read(bytes, "minimal.yaml");

        assertThat(document.id()).isEqualTo("minimal");
        assertThat(document.format()).isEqualTo("yaml");
        assertThat(document.sha256()).isEqualTo(DeclarationReader.sha256(bytes)).hasSize(64);
        Activity account = document.model().activities().get(0);
        assertThat(account.legalBasis()).isEqualTo(LegalBasis.CONTRACT);
        assertThat(account.retention().periodDays()).isEqualTo(365);
        assertThat(account.recipients()).containsExactly("hosting");
        assertThat(account.consent().recorded()).isFalse();
        assertThat(document.model().dataCategories().get(0).kind()).isEqualTo(DataKind.CONTACT);
    }

    @Test
    void json_and_yaml_of_the_same_declaration_give_the_same_model() throws Exception {
        String json = """
                {"formatVersion": 1, "id": "minimal", "controller": {"name": "Example GmbH", "country": "DE"},
                 "dataCategories": [{"id": "email", "kind": "contact"}],
                 "recipients": [{"id": "hosting", "role": "processor", "country": "DE"}],
                 "activities": [{"id": "account", "purposes": [{"id": "service", "kind": "account-management"}],
                   "legalBasis": "contract", "data": [{"category": "email", "purposes": ["service"]}],
                   "recipients": ["hosting"], "retention": {"period": "P1Y"}}]}
                """;
        Declaration fromJson = reader.read(json.getBytes(StandardCharsets.UTF_8), "minimal.json").model();
        Declaration fromYaml = reader.read(VALID.getBytes(StandardCharsets.UTF_8), "minimal.yaml").model();
        assertThat(fromJson).usingRecursiveComparison().isEqualTo(fromYaml);
    }

    @Test
    void absent_recipients_mean_not_stated_and_an_empty_list_means_none() throws Exception {
        Declaration notStated = reader.read(VALID.replace("    recipients: [hosting]\n", "").getBytes(StandardCharsets.UTF_8), "a.yaml").model();
        Declaration none = reader.read(VALID.replace("recipients: [hosting]", "recipients: []").getBytes(StandardCharsets.UTF_8), "a.yaml").model();
        assertThat(notStated.activities().get(0).recipients()).isNull();
        assertThat(none.activities().get(0).recipients()).isEmpty();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("empty file", "", "x.yaml", "", "the declaration is empty"),
                arguments("only whitespace and comments", "  \n# nothing\n", "x.yaml", "", "the declaration is empty"),
                arguments("broken JSON", "{\"formatVersion\": 1, \"id\": ", "x.json", "", "JSON syntax error"),
                arguments("broken YAML", "formatVersion: 1\nid: [a, b\nactivities: []\n", "x.yaml", "", "YAML syntax error"),
                arguments("a list instead of a declaration", "[1, 2, 3]", "x.json", "", "not a list"),
                arguments("plain text", "hello world", "x.yaml", "", "not text (\"hello world\")"),
                arguments("duplicate key in JSON", "{\"formatVersion\": 1, \"id\": \"a\", \"id\": \"b\"}", "x.json", "", "appears twice"),
                arguments("duplicate key in YAML", VALID.replace("id: minimal", "id: minimal\nid: again"), "x.yaml", "", "appears twice"),
                arguments("two YAML documents", VALID + "---\nid: second\n", "x.yaml", "", "one YAML document"),
                arguments("formatVersion is text", VALID.replace("formatVersion: 1", "formatVersion: one"), "x.yaml",
                        "/formatVersion", "must be a whole number, but is text (\"one\")"),
                arguments("unsupported formatVersion", VALID.replace("formatVersion: 1", "formatVersion: 2"), "x.yaml",
                        "/formatVersion", "must be 1"),
                arguments("missing id", VALID.replace("id: minimal\n", ""), "x.yaml", "/id", "the required field 'id' is missing"),
                arguments("no activities", VALID.substring(0, VALID.indexOf("activities:")) + "activities: []\n", "x.yaml",
                        "/activities", "must list at least 1 item"),
                arguments("unknown legal basis", VALID.replace("legalBasis: contract", "legalBasis: contrakt"), "x.yaml",
                        "/activities/0/legalBasis", "'contrakt' is not one of the allowed values: consent, contract"),
                arguments("misspelt field", VALID.replace("legalBasis: contract", "legalbasis: contract"), "x.yaml",
                        "/activities/0/legalbasis", "did you mean 'legalBasis'?"),
                arguments("unknown data kind", VALID.replace("kind: contact", "kind: contacts"), "x.yaml",
                        "/dataCategories/0/kind", "'contacts' is not one of the allowed values"),
                arguments("a yes/no field given as text", VALID.replace("retention: { period: P1Y }",
                        "retention: { period: P1Y }\n    consent: { recorded: \"yes\" }"), "x.yaml",
                        "/activities/0/consent/recorded", "must be true or false, but is text (\"yes\")"),
                arguments("a list given as text", VALID.replace("recipients: [hosting]", "recipients: hosting"), "x.yaml",
                        "/activities/0/recipients", "must be a list, but is text (\"hosting\")"),
                arguments("undeclared data category", VALID.replace("category: email", "category: phone"), "x.yaml",
                        "/activities/0/data/0/category", "'phone' is not a declared data category (declared: email)"),
                arguments("undeclared recipient", VALID.replace("recipients: [hosting]", "recipients: [cdn]"), "x.yaml",
                        "/activities/0/recipients/0", "'cdn' is not a declared recipient (declared: hosting)"),
                arguments("undeclared purpose", VALID.replace("purposes: [service]", "purposes: [marketing]"), "x.yaml",
                        "/activities/0/data/0/purposes/0", "'marketing' is not a declared purpose"),
                arguments("undeclared data subject", VALID.replace("legalBasis: contract", "legalBasis: contract\n    dataSubjects: [users]"),
                        "x.yaml", "/activities/0/dataSubjects/0", "'users' is not a declared data-subject category (none is declared in dataSubjects)"),
                arguments("duplicate activity id", VALID + "  - { id: account }\n", "x.yaml", "/activities/1/id",
                        "the activity id 'account' is declared twice"),
                arguments("country name instead of code", VALID.replace("country: DE }\ndata", "country: Germany }\ndata"), "x.yaml",
                        "/controller/country", "'Germany' must be a two-letter ISO 3166 country code"),
                arguments("impossible date", VALID + "security: { lastSecurityTest: 2026-13-45 }\n", "x.yaml",
                        "/security/lastSecurityTest", "'2026-13-45' must be a date written YYYY-MM-DD"),
                arguments("retention in words", VALID.replace("period: P1Y", "period: 2 years"), "x.yaml",
                        "/activities/0/retention/period", "'2 years' must be an ISO-8601 period such as P30D, P6M or P2Y"),
                arguments("negative age", VALID + "dataSubjects: [ { id: kids, minimumAge: -3 } ]\n", "x.yaml",
                        "/dataSubjects/0/minimumAge", "must be at least 0"),
                arguments("not an e-mail address", VALID.replace("controller: { name: Example GmbH,", "controller: { name: Example GmbH, contact: { email: privacy }, "), "x.yaml",
                        "/controller/contact/email", "'privacy' must be an e-mail address"),
                arguments("YAML alias", VALID + "product: &p { id: x }\nextra: *p\n", "x.yaml", "", "YAML aliases (*name) are not supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refuses_malformed_input_with_a_located_message(String name, String text, String source, String pointer, String message) {
        var refused = catchThrowableOfType(InvalidDeclarationException.class,
                () -> reader.read(text.getBytes(StandardCharsets.UTF_8), source));
        assertThat(refused).as(name).isNotNull();
        assertThat(refused.problems()).as(name)
                .anySatisfy(p -> {
                    assertThat(p.pointer()).isEqualTo(pointer);
                    assertThat(p.message()).contains(message);
                });
    }

    @Test
    void syntax_errors_carry_line_and_column() {
        var refused = catchThrowableOfType(InvalidDeclarationException.class,
                () -> reader.read("formatVersion: 1\nid: x\nactivities:\n  - id: [unclosed\n".getBytes(StandardCharsets.UTF_8), "x.yaml"));
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isPositive();
            assertThat(p.toString()).startsWith("line 4, column ");
        });
        var json = catchThrowableOfType(InvalidDeclarationException.class,
                () -> reader.read("{\n  \"formatVersion\": 1,\n  \"id\": x\n}".getBytes(StandardCharsets.UTF_8), "x.json"));
        assertThat(json.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
    }

    @Test
    void lists_every_problem_at_once_in_document_order() {
        String broken = VALID.replace("id: minimal\n", "")
                .replace("legalBasis: contract", "legalBasis: maybe")
                .replace("category: email", "category: phone")
                .replace("country: DE }\ndata", "country: de }\ndata");
        var refused = catchThrowableOfType(InvalidDeclarationException.class,
                () -> reader.read(broken.getBytes(StandardCharsets.UTF_8), "x.yaml"));
        assertThat(refused.problems()).extracting(DeclarationProblem::pointer).containsExactly(
                "/activities/0/data/0/category", "/activities/0/legalBasis", "/controller/country", "/id");
    }

    @Test
    void refuses_an_alias_bomb_at_once() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append("]\n");
        }
        // A guard against a hang, not a performance target: a billion-laughs expansion would never finish.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                () -> reader.read(bomb.toString().getBytes(StandardCharsets.UTF_8), "bomb.yaml"))
                .isInstanceOfSatisfying(InvalidDeclarationException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("YAML aliases")));
    }

    @Test
    void refuses_deep_nesting_without_overflowing_the_stack() {
        String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                () -> reader.read(deep.getBytes(StandardCharsets.UTF_8), "deep.yaml"))
                .isInstanceOf(InvalidDeclarationException.class));
        String deepJson = "{\"a\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                () -> reader.read(deepJson.getBytes(StandardCharsets.UTF_8), "deep.json"))
                .isInstanceOf(InvalidDeclarationException.class));
    }

    @Test
    void refuses_a_20_mb_file_before_reading_it(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        try (var out = Files.newOutputStream(big)) {
            byte[] line = "# padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 20L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        assertThatThrownBy(() -> reader.read(big))
                .isInstanceOfSatisfying(InvalidDeclarationException.class, e -> assertThat(e.problems().get(0).message())
                        .isEqualTo("the declaration is 20.0 MB; the limit is 2.0 MB"));
    }

    @Test
    void refuses_binary_and_non_utf8_files() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> reader.read(png, "image.yaml"))
                .isInstanceOfSatisfying(InvalidDeclarationException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("binary file"));
        byte[] latin1 = "id: M\u00fcller".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(latin1, "latin1.yaml"))
                .isInstanceOfSatisfying(InvalidDeclarationException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("not UTF-8"));
    }

    @Test
    void reports_a_missing_file_plainly() {
        assertThatThrownBy(() -> reader.read(Path.of("does/not/exist.yaml")))
                .isInstanceOfSatisfying(InvalidDeclarationException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("does not exist"));
    }
}
