package org.tcentre.gdpr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcentre.gdpr.cli.ServiceCommandsTest.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcentre.gdpr.TestDatabases;

/** {@code waivers add|list|revoke} against the service's database, every change audited and the trail intact. */
class WaiversCommandTest {

    @Test
    void add_prints_the_id_list_shows_it_and_revoke_keeps_it_revoked_all_audited(@TempDir Path data) throws Exception {
        String expires = LocalDate.now(ZoneOffset.UTC).plusDays(60).toString();
        var added = run("waivers", "add", "--product", "pulse-band", "--rule", "SEC-006", "--justification",
                "Penetration test booked for January.", "--approver", "J. Novak, DPO", "--expires", expires,
                "--data-dir", data.toString());
        assertThat(added.code()).as(added.err()).isZero();
        String id = added.out().strip();
        assertThat(id).matches("W-[0-9a-f-]{36}");

        var listed = run("waivers", "list", "--data-dir", data.toString());
        assertThat(listed.out()).contains(id + "   ACTIVE   pulse-band           SEC-006   (every activity)     " + expires
                + "  J. Novak, DPO");

        var revoked = run("waivers", "revoke", id, "--data-dir", data.toString());
        assertThat(revoked.code()).as(revoked.err()).isZero();
        assertThat(revoked.out()).startsWith("Revoked " + id + " (pulse-band, SEC-006) by cli:");
        assertThat(run("waivers", "list", "--product", "pulse-band", "--data-dir", data.toString()).out())
                .contains(id + "   REVOKED");
        assertThat(run("waivers", "list", "--product", "other", "--data-dir", data.toString()).out())
                .isEqualTo("No waivers for other.\n");

        var verified = run("audit", "verify", "--data-dir", data.toString());
        assertThat(verified.code()).isZero();
        assertThat(verified.out()).contains("Audit trail intact: 2 entries");
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath() + "/gdpr-checker"
                + TestDatabases.H2_FLAGS, "sa", "");
             ResultSet rows = db.createStatement().executeQuery("select action, subject from audit_log order by sequence")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1) + " " + rows.getString(2)).isEqualTo("waiver.added waiver/" + id);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1) + " " + rows.getString(2)).isEqualTo("waiver.revoked waiver/" + id);
        }
    }

    @Test
    void a_bad_waiver_or_an_unknown_id_exits_2_saying_what_is_wrong(@TempDir Path data) {
        var bad = run("waivers", "add", "--product", "pulse-band", "--rule", "sec-6", "--justification", " ",
                "--approver", "J. Novak", "--expires", "2020-01-01", "--data-dir", data.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err()).startsWith("cannot add the waiver:\n"
                + "  --rule: 'sec-6' is not a rule id such as DPIA-001 (2 to 5 capital letters, a dash, three digits)\n"
                + "  --justification: is required and must not be blank\n"
                + "  --expires: 2020-01-01 is already past");
        assertThat(run("waivers", "add", "--product", "p", "--rule", "SEC-006", "--justification", "j", "--approver",
                "a", "--expires", "31/01/2027", "--data-dir", data.toString()).code()).isEqualTo(ExitCodes.INVALID_INPUT);

        var unknown = run("waivers", "revoke", "W-none", "--data-dir", data.toString());
        assertThat(unknown.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unknown.err()).isEqualTo("there is no waiver W-none\n");
        assertThat(run("audit", "verify", "--data-dir", data.toString()).out()).contains("intact: 0 entries");
    }
}
