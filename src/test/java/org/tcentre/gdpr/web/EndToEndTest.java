package org.tcentre.gdpr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.cli.GdprCheckerCommand;
import tools.jackson.databind.JsonNode;

/**
 * The service end to end, over real HTTP on a random port with real authentication: an operator provisions
 * users with the CLI, a product team submits a declaration, reads the evaluation, downloads the PDF, submits a
 * fixed version as a file upload, compares the two; a regulator verifies the audit trail, and so does the CLI.
 */
class EndToEndTest {

    @Test
    void submit_read_download_compare_and_verify() throws Exception {
        TestService service = TestService.shared();
        String dataDir = service.dataDir.toString();
        service.tokens.put("erin", token(cli("users", "add", "erin", "--role", "PRODUCT_TEAM", "--team", "E2E Team", "--data-dir", dataDir)));
        service.tokens.put("rex", token(cli("users", "add", "rex", "--role", "REGULATOR", "--data-dir", dataDir)));

        String v1 = Files.readString(Path.of("docs/examples/fitness-tracker.yaml")).replace("pulse-band", "e2e-band");
        HttpResponse<byte[]> submitted = service.post("/api/v1/declarations", "erin", "application/yaml", v1.getBytes(StandardCharsets.UTF_8));
        assertThat(submitted.statusCode()).isEqualTo(201);
        String first = TestService.json(submitted).get("id").asString();

        JsonNode evaluation = TestService.json(service.get("/api/v1/evaluations/" + first, "erin"));
        assertThat(evaluation.get("verdict").asString()).isEqualTo("NON_COMPLIANT");
        assertThat(evaluation.get("declaration").get("team").asString()).isEqualTo("E2E Team");
        assertThat(evaluation.get("declaration").get("submittedBy").asString()).isEqualTo("erin");

        HttpResponse<byte[]> pdf = service.get("/api/v1/evaluations/" + first + "/report.pdf", "erin");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment", ".pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Pulse Band", "CON-001");
        }

        String v2 = v1.replace("recorded: false      # the location", "recorded: true      # the location")
                .replace("version: \"3.1\"", "version: \"3.2\"");
        HttpResponse<byte[]> uploaded = service.upload("/api/v1/declarations", "erin", "file", "e2e-band.yaml", v2.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).isEqualTo(201);
        String second = TestService.json(uploaded).get("id").asString();

        JsonNode history = TestService.json(service.get("/api/v1/products/e2e-band/history", "erin"));
        List<String> versions = new ArrayList<>();
        history.get("versions").forEach(v -> versions.add(v.get("evaluationId").asString() + "@" + v.get("productVersion").asString()));
        assertThat(versions).containsExactly(first + "@3.1", second + "@3.2");

        JsonNode diff = TestService.json(service.get("/api/v1/products/e2e-band/diff?from=" + first + "&to=" + second, "erin"));
        assertThat(diff.get("resolved")).hasSize(1);
        assertThat(diff.get("resolved").get(0).get("ruleId").asString()).isEqualTo("CON-001");
        assertThat(diff.get("new")).isEmpty();
        assertThat(diff.get("unchanged").size()).isEqualTo(evaluation.get("findings").size() - 1);

        JsonNode verification = TestService.json(service.get("/api/v1/audit/verify", "rex"));
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entries").asLong()).isGreaterThanOrEqualTo(7);

        String[] verify = cli("audit", "verify", "--data-dir", dataDir);
        assertThat(verify[0]).as(verify[1]).startsWith("0\n").contains("Audit trail intact");
    }

    /** Runs the CLI in this JVM: exit code and stdout as the first string, stderr as the second. */
    static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GdprCheckerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {code + "\n" + out, err.toString()};
    }

    /** The token `users add` prints on its last line. */
    static String token(String[] result) {
        assertThat(result[0]).as(result[1]).startsWith("0\n");
        String[] lines = result[0].strip().split("\n");
        String token = lines[lines.length - 1].strip();
        assertThat(token).startsWith("gdpr_");
        return token;
    }
}
