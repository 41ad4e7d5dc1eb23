package org.tcentre.gdpr.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A waiver file is read strictly, every problem with its file, line, column and JSON pointer. */
class WaiverFileTest {

    static List<Waiver> read(String text, String name) throws WaiverFile.InvalidWaiverFileException {
        return WaiverFile.read(text.getBytes(StandardCharsets.UTF_8), name);
    }

    static List<String> problems(String text, String name) {
        return catchThrowableOfType(WaiverFile.InvalidWaiverFileException.class, () -> read(text, name)).problems();
    }

    @Test
    void reads_a_yaml_list_of_waivers_with_and_without_an_activity() throws Exception {
        List<Waiver> waivers = read("""
                # accepted risks for the pulse band
                - id: W-2026-001
                  productId: pulse-band
                  ruleId: SEC-006
                  justification: Penetration test booked for January.
                  approver: J. Novak, DPO
                  expires: 2027-01-31
                - id: W-2026-002
                  productId: pulse-band
                  ruleId: LAW-002
                  activityId: marketing-offers
                  justification: LIA signed, upload pending.
                  approver: J. Novak, DPO
                  expires: "2026-12-31"
                """, "waivers.yaml");
        assertThat(waivers).containsExactly(
                new Waiver("W-2026-001", "pulse-band", "SEC-006", null, "Penetration test booked for January.",
                        "J. Novak, DPO", LocalDate.parse("2027-01-31")),
                new Waiver("W-2026-002", "pulse-band", "LAW-002", "marketing-offers", "LIA signed, upload pending.",
                        "J. Novak, DPO", LocalDate.parse("2026-12-31")));
    }

    @Test
    void reads_json_and_an_empty_file_waives_nothing() throws Exception {
        assertThat(read("""
                [{"id": "W-1", "productId": "p", "ruleId": "SEC-006", "activityId": null,
                  "justification": "j", "approver": "a", "expires": "2027-01-31"}]""", "waivers.json"))
                .extracting(Waiver::id).containsExactly("W-1");
        assertThat(read("", "waivers.yaml")).isEmpty();
        assertThat(read("# nothing waived yet\n", "waivers.yaml")).isEmpty();
    }

    @Test
    void every_problem_is_reported_with_file_line_column_and_pointer() {
        assertThat(problems("""
                - id: W-1
                  productId: pulse-band
                  ruleId: sec-6
                  justification: "  "
                  approver: J. Novak
                  expires: end of January
                  expiry: 2027-01-31
                - id: W-1
                  productId: pulse-band
                  ruleId: SEC-006
                  justification: ok
                  approver: J. Novak
                - just a string
                """, "waivers.yaml")).containsExactly(
                "waivers.yaml:7:3: /0/expiry: unknown field 'expiry'; a waiver has id, productId, ruleId, activityId, "
                        + "justification, approver, expires",
                "waivers.yaml:6:3: /0/expires: 'end of January' is not a date written YYYY-MM-DD",
                "waivers.yaml:3:3: /0/ruleId: 'sec-6' is not a rule id such as DPIA-001 (2 to 5 capital letters, a "
                        + "dash, three digits)",
                "waivers.yaml:4:3: /0/justification: is required and must not be blank",
                "waivers.yaml:8:3: /1/expires: is required: the last day the waiver applies (YYYY-MM-DD)",
                "waivers.yaml:8:3: /1/id: the id 'W-1' is used by an earlier waiver",
                "waivers.yaml:13:3: /2: each waiver is an object with the fields id, productId, ruleId, activityId, "
                        + "justification, approver, expires");
    }

    @Test
    void a_file_that_is_not_a_list_or_not_yaml_is_refused_with_its_line() {
        assertThat(problems("id: W-1\nproductId: p\n", "waivers.yaml"))
                .containsExactly("waivers.yaml:1:1: a waiver file is a list of waivers, one item per waiver");
        assertThat(problems("- id: [unclosed\n", "waivers.yaml")).containsExactly(
                "waivers.yaml:1:16: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>");
        assertThat(problems("[{\"id\": \"W-1\", \"id\": \"W-2\"}]", "waivers.json")).singleElement().asString()
                .startsWith("waivers.json:1:").contains("not valid JSON", "id");
        assertThat(problems("- id: 7\n  productId: p\n  ruleId: SEC-006\n  justification: j\n  approver: a\n"
                + "  expires: 2027-01-31\n", "w.yaml")).containsExactly("w.yaml:1:3: /0/id: must be a text",
                "w.yaml:1:3: /0/id: is required and must not be blank");
    }
}
