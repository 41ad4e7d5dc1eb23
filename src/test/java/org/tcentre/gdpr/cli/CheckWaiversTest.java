package org.tcentre.gdpr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcentre.gdpr.cli.CheckCommandTest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code check --waivers FILE}: the fitness example (six HIGH and three MEDIUM findings under no profile, evaluated as on
 * 2026-11-28) with its HIGH findings waived passes --fail-on HIGH, and says which findings are waived.
 */
class CheckWaiversTest {

    static final String SIX_HIGH = """
            - id: W-1
              productId: pulse-band
              ruleId: CON-001
              justification: Consent records migrate in sprint 40.
              approver: J. Novak, DPO
              expires: 2026-11-28
            - id: W-2
              productId: pulse-band
              ruleId: LAW-002
              activityId: marketing-offers
              justification: LIA signed, upload pending.
              approver: J. Novak, DPO
              expires: 2027-01-31
            - {id: W-3, productId: pulse-band, ruleId: SPC-002, justification: Explicit consent screen ships in 3.2., approver: J. Novak, expires: 2027-01-31}
            - {id: W-4, productId: pulse-band, ruleId: TRF-002, justification: Vendor moves to EU region., approver: J. Novak, expires: 2027-01-31}
            - {id: W-5, productId: pulse-band, ruleId: TRF-003, justification: TIA in review., approver: J. Novak, expires: 2027-01-31}
            - {id: W-6, productId: pulse-band, ruleId: TRF-005, justification: Contract in signature., approver: J. Novak, expires: 2027-01-31}
            """;

    @Test
    void waived_findings_are_listed_as_waived_and_do_not_fail_the_check(@TempDir Path dir) throws Exception {
        Path waivers = Files.writeString(dir.resolve("waivers.yaml"), SIX_HIGH);
        var run = cli("check", "docs/examples/fitness-tracker.yaml", "--profile", "default", "--waivers", waivers.toString(), "--as-of",
                "2026-11-28", "--format", "json", "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Verdict: COMPLIANT WITH OBSERVATIONS",
                "Findings: 0 critical, 0 high, 3 medium, 0 low, 0 info",
                "Waived: 6 findings accepted as a risk (listed below; not counted above)",
                "WAIVED by W-1, approved by J. Novak, DPO, until 2026-11-28: Consent records migrate in sprint 40.",
                "WAIVED by W-2, approved by J. Novak, DPO, until 2027-01-31: LIA signed, upload pending.",
                "No finding at or above HIGH.");
        // Open findings first, then the waived ones.
        assertThat(run.out().indexOf("SEC-008")).isLessThan(run.out().indexOf("CON-001"));

        Path report;
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            report = files.findFirst().orElseThrow();
        }
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(report));
        assertThat(json.get("verdict").get("code").asString()).isEqualTo("COMPLIANT_WITH_OBSERVATIONS");
        assertThat(json.get("waived").get("findings").asInt()).isEqualTo(6);
        assertThat(json.get("findings").valueStream().filter(f -> !f.get("waiver").isNull())
                .map(f -> f.get("waiver").get("id").asString())).containsExactlyInAnyOrder("W-1", "W-2", "W-3", "W-4", "W-5", "W-6");
    }

    @Test
    void a_waiver_past_its_expiry_no_longer_applies_and_is_named(@TempDir Path dir) throws Exception {
        Path waivers = Files.writeString(dir.resolve("waivers.yaml"), SIX_HIGH);
        var run = cli("check", "docs/examples/fitness-tracker.yaml", "--profile", "default", "--waivers", waivers.toString(), "--as-of",
                "2026-11-29", "--no-report");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("Verdict: NON-COMPLIANT", "Findings: 0 critical, 1 high, 3 medium",
                "Waived: 5 findings", "Expired waiver W-1 (CON-001, approved by J. Novak, DPO) ended on 2026-11-28: "
                        + "its findings are open again.", "1 finding at or above HIGH: exit code 1.");
        // --fail-on MEDIUM still fails on the open MEDIUM findings; LOW the same.
        assertThat(cli("check", "docs/examples/fitness-tracker.yaml", "--profile", "default", "--waivers", waivers.toString(), "--as-of",
                "2026-11-28", "--no-report", "--fail-on", "MEDIUM").exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void a_bad_waiver_file_exits_2_with_file_line_and_pointer_and_nothing_is_evaluated(@TempDir Path dir) throws Exception {
        Path waivers = Files.writeString(dir.resolve("waivers.yaml"), """
                - id: W-1
                  productId: pulse-band
                  ruleId: CON-001
                  justification: ""
                  approver: J. Novak, DPO
                  expires: 28/11/2026
                """);
        var run = cli("check", "docs/examples/fitness-tracker.yaml", "--profile", "default", "--waivers", waivers.toString(), "--out",
                dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(waivers + " is not a valid waiver file (2 problems); nothing was evaluated:\n"
                + "  " + waivers + ":6:3: /0/expires: '28/11/2026' is not a date written YYYY-MM-DD\n"
                + "  " + waivers + ":4:3: /0/justification: is required and must not be blank\n");
        assertThat(dir.resolve("out")).doesNotExist();

        var missing = cli("check", "docs/examples/fitness-tracker.yaml", "--profile", "default", "--waivers", dir.resolve("none.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains(dir.resolve("none.yaml") + ": cannot be read");
    }
}
