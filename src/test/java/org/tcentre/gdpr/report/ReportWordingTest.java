package org.tcentre.gdpr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcentre.gdpr.evaluation.Verdict;
import org.tcentre.gdpr.rules.PracticeArea;

class ReportWordingTest {

    private static final String COMPLETE = """
            centre:
              name: Centre
              contact: centre@example.org
            practiceAreas:
              P1: one
              P2: two
              P3: three
              P4: four
              P5: five
              P6: six
            verdicts:
              COMPLIANT: fine
              COMPLIANT_WITH_OBSERVATIONS: mostly fine
              NON_COMPLIANT: not fine
            disclaimer: not legal advice
            waivers:
              intro: accepted risks
              expired: no longer accepted
            """;

    @Test
    void the_shipped_wording_has_every_text() {
        ReportWording wording = ReportWording.load(Path.of("reports"));

        assertThat(wording.centreName()).isNotBlank();
        assertThat(wording.centreContact()).isNotBlank();
        for (PracticeArea area : PracticeArea.values()) {
            assertThat(wording.practiceArea(area)).as(area.name()).hasSizeGreaterThan(100);
        }
        for (Verdict verdict : Verdict.values()) {
            assertThat(wording.verdict(verdict)).as(verdict.name()).isNotBlank();
        }
        assertThat(wording.disclaimer()).contains("automated assessment", "not legal advice");
        assertThat(wording.sha256()).hasSize(64);
    }

    @Test
    void reads_a_complete_file_and_keeps_the_texts() {
        ReportWording wording = read(COMPLETE);

        assertThat(wording.centreName()).isEqualTo("Centre");
        assertThat(wording.practiceArea(PracticeArea.P4)).isEqualTo("four");
        assertThat(wording.verdict(Verdict.COMPLIANT_WITH_OBSERVATIONS)).isEqualTo("mostly fine");
        assertThat(wording.disclaimer()).isEqualTo("not legal advice");
    }

    @Test
    void an_unknown_key_is_an_error_with_file_line_and_the_keys_allowed_there() {
        assertThatThrownBy(() -> read(COMPLETE.replace("  P6: six\n", "  P6: six\n  P7: seven\n")))
                .isInstanceOf(ReportWordingException.class)
                .hasMessage("reports/wording.yaml:11: unknown key 'practiceAreas.P7' under 'practiceAreas' "
                        + "(expected: P1, P2, P3, P4, P5, P6)");
        assertThatThrownBy(() -> read(COMPLETE + "footer: hello\n"))
                .hasMessageContaining("reports/wording.yaml:19: unknown key 'footer'");
    }

    @Test
    void a_missing_or_empty_text_is_an_error_naming_the_key() {
        assertThatThrownBy(() -> read(COMPLETE.replace("  P3: three\n", "")))
                .isInstanceOf(ReportWordingException.class)
                .hasMessage("reports/wording.yaml:4: missing text 'practiceAreas.P3'");
        assertThatThrownBy(() -> read(COMPLETE.replace("disclaimer: not legal advice\n", "disclaimer: \"  \"\n")))
                .hasMessage("reports/wording.yaml:15: 'disclaimer' is empty; write the text");
        assertThatThrownBy(() -> read(COMPLETE.replace("  NON_COMPLIANT: not fine\n", "  NON_COMPLIANT:\n")))
                .hasMessage("reports/wording.yaml:14: 'verdicts.NON_COMPLIANT' has no text; write the text");
        assertThatThrownBy(() -> read(COMPLETE.replaceAll("(?s)verdicts:.*?(?=disclaimer)", "")))
                .hasMessage("reports/wording.yaml: missing 'verdicts' with the keys COMPLIANT, "
                        + "COMPLIANT_WITH_OBSERVATIONS, NON_COMPLIANT");
    }

    @Test
    void every_problem_is_reported_at_once_and_a_number_must_be_quoted() {
        assertThatThrownBy(() -> read(COMPLETE.replace("  name: Centre\n", "  name: 2024\n").replace("  P1: one\n", "")))
                .isInstanceOfSatisfying(ReportWordingException.class, e -> assertThat(e.problems()).containsExactly(
                        "reports/wording.yaml:2: 'centre.name' must be a text (put it in quotes)",
                        "reports/wording.yaml:4: missing text 'practiceAreas.P1'"));
    }

    @Test
    void a_file_that_is_not_yaml_or_not_a_mapping_is_an_error_with_its_line() {
        assertThatThrownBy(() -> read("centre: [unclosed\n"))
                .hasMessageStartingWith("reports/wording.yaml:").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> read("- a list\n"))
                .hasMessageStartingWith("reports/wording.yaml:1: expected the keys centre, practiceAreas, verdicts, disclaimer, waivers");
        assertThatThrownBy(() -> read(""))
                .hasMessage("reports/wording.yaml: the file is empty; it needs the keys centre, practiceAreas, verdicts, disclaimer, waivers");
    }

    @Test
    void a_directory_without_a_wording_file_is_a_clear_error(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ReportWording.load(dir))
                .isInstanceOf(ReportWordingException.class)
                .hasMessage(dir + ": no report wording file; expected " + dir.resolve("wording.yaml")
                        + " (see docs/report-format.md for its keys)");
        assertThatThrownBy(() -> ReportWording.load(dir.resolve("missing")))
                .hasMessageContaining("the report wording directory does not exist");

        Files.writeString(dir.resolve("wording.yaml"), COMPLETE);
        assertThat(ReportWording.load(dir).file()).isEqualTo(dir.resolve("wording.yaml").toString());
    }

    private static ReportWording read(String yaml) {
        return ReportWording.read(yaml.getBytes(StandardCharsets.UTF_8), "reports/wording.yaml");
    }
}
