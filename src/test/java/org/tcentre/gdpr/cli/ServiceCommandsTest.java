package org.tcentre.gdpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tcentre.gdpr.TestDatabases;

/**
 * The operator commands: provisioning users, verifying the audit trail, and serve refusing a broken rule set or
 * unusable report wording.
 */
class ServiceCommandsTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GdprCheckerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void users_are_added_with_a_token_shown_once_and_listed_without_it(@TempDir Path data) {
        Result added = run("users", "add", "alice", "--role", "PRODUCT_TEAM", "--team", "Team A", "--data-dir", data.toString());
        assertThat(added.code()).as(added.err()).isZero();
        String token = added.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(token).startsWith("gdpr_").hasSizeGreaterThan(40);

        Result listed = run("users", "list", "--data-dir", data.toString());
        assertThat(listed.out()).contains("alice", "PRODUCT_TEAM", "Team A").doesNotContain(token);

        assertThat(run("users", "add", "alice", "--role", "REGULATOR", "--data-dir", data.toString()).err()).contains("already exists");
        Result noTeam = run("users", "add", "pat", "--role", "PRODUCT_TEAM", "--data-dir", data.toString());
        assertThat(noTeam.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noTeam.err()).contains("needs --team");
        assertThat(run("users", "add", "pat", "--role", "PRIVACY_OFFICER", "--team", "X", "--data-dir", data.toString()).code())
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run("users", "add", "pat", "--role", "ADMIN", "--data-dir", data.toString()).code()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void a_revoked_user_s_token_no_longer_authenticates_and_the_revocation_is_audited(@TempDir Path data) {
        Result added = run("users", "add", "rex", "--role", "REGULATOR", "--data-dir", data.toString());
        String token = added.out().strip().lines().reduce((a, b) -> b).orElseThrow();

        Result revoked = run("users", "revoke", "rex", "--data-dir", data.toString());

        assertThat(revoked.code()).as(revoked.err()).isZero();
        assertThat(revoked.out()).isEqualTo("Revoked rex: its token no longer authenticates.\n");
        assertThat(run("users", "list", "--data-dir", data.toString()).out()).doesNotContain("rex");
        try (var context = org.tcentre.gdpr.system.AdminContext.open("--gdpr.data-dir=" + data.toAbsolutePath())) {
            var accounts = context.getBean(org.tcentre.gdpr.access.UserAccounts.class);
            assertThat(accounts.authenticate(token)).isEmpty();
            var audit = context.getBean(org.tcentre.gdpr.audit.AuditLog.class);
            assertThat(audit.entries(0, 10)).extracting(e -> e.action() + " " + e.subject())
                    .containsExactly("user.added user/rex", "user.revoked user/rex");
        }
        Result again = run("users", "revoke", "rex", "--data-dir", data.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(again.err()).isEqualTo("cannot revoke: there is no user 'rex'\n");
        assertThat(run("audit", "verify", "--data-dir", data.toString()).out()).contains("intact: 2 entries");
    }

    @Test
    void audit_verify_names_the_first_entry_changed_in_the_database(@TempDir Path data) throws Exception {
        for (String name : new String[] {"a1", "a2", "a3"}) {
            assertThat(run("users", "add", name, "--role", "REGULATOR", "--data-dir", data.toString()).code()).isZero();
        }
        Result intact = run("audit", "verify", "--data-dir", data.toString());
        assertThat(intact.code()).isZero();
        assertThat(intact.out()).contains("intact: 3 entries");

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath() + "/gdpr-checker"
                + TestDatabases.H2_FLAGS, "sa", "")) {
            db.createStatement().executeUpdate("update audit_log set details = '{\"role\":\"PRIVACY_OFFICER\",\"team\":null}' where sequence = 2");
        }
        Result broken = run("audit", "verify", "--data-dir", data.toString());
        assertThat(broken.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(broken.out()).contains("BROKEN at entry 2");
    }

    @Test
    void serve_refuses_to_start_on_a_broken_rule_set(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        CheckCommandTest.copy(Path.of("rules"), rules);
        Path drl = rules.resolve("gdpr/p2-lawfulness/LAW-002-legitimate-interests-without-lia/rule.drl");
        Files.writeString(drl, Files.readString(drl).replace("legalBasis == LegalBasis", "legalBasis === LegalBasis"));

        Result result = run("serve", "--rules", rules.toString(), "--data-dir", dir.resolve("data").toString(), "--server.port=0");
        assertThat(result.code()).isEqualTo(ExitCodes.RULE_SET_ERROR);
        assertThat(result.err()).contains("did not start");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void serve_refuses_to_start_without_report_wording_and_says_why_without_a_stack_trace(@TempDir Path dir,
            CapturedOutput console) {
        Path wording = dir.resolve("no-such-wording");

        Result result = run("serve", "--report-wording", wording.toString(), "--data-dir", dir.resolve("data").toString(),
                "--server.port=0");

        assertThat(result.code()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(result.err()).isEqualTo("the service did not start\n");
        String printed = console.getAll().replace("\r\n", "\n");
        assertThat(printed).contains("APPLICATION FAILED TO START", """
                Description:

                The report wording cannot be used (1 problem):
                  %s: the report wording directory does not exist (it must hold wording.yaml; see docs/report-format.md)

                Action:

                Point --report-wording at a directory holding wording.yaml (a relative one is read from the working \
                directory, %s), or fix the file; docs/report-format.md lists its keys.
                """.formatted(wording, Path.of("").toAbsolutePath()));
        assertThat(printed + result.err()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void serve_refuses_arguments_that_are_neither_its_options_nor_spring_properties() {
        assertThat(run("serve", "extra").code()).isEqualTo(ExitCodes.INVALID_INPUT);
    }
}
