package org.tcentre.gdpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcentre.gdpr.cli.CheckCommandTest.Run;
import org.tcentre.gdpr.report.pdf.PdfSignerTest;
import picocli.CommandLine;

/**
 * {@code verify} end to end: a signed and an unsigned report as {@code check} writes them, verified as
 * they are, with their rule set and with another one, and after tampering with them in the ways that
 * matter: a changed byte in the pages, in the embedded JSON or declaration, an update appended after
 * signing, a declaration swapped in an unsigned report, and findings edited in its JSON.
 */
class VerifyCommandTest {

    private static final String EXAMPLE = "docs/examples/fitness-tracker.yaml";

    @TempDir
    static Path dir;

    static Path signed;
    static Path unsigned;

    @BeforeAll
    static void writeReports() throws Exception {
        Path keystore = PdfSignerTest.pkcs12(dir);
        Run run = check(Map.of(CheckCommand.SIGNING_KEYSTORE, keystore.toString(),
                        CheckCommand.SIGNING_PASSWORD, PdfSignerTest.PASSWORD),
                EXAMPLE, "--out", dir.resolve("signed").toString(), "--as-of", "2026-11-28");
        assertThat(run.err()).isEmpty();
        signed = pdfIn(dir.resolve("signed"));
        run = check(Map.of(), EXAMPLE, "--out", dir.resolve("unsigned").toString(), "--as-of", "2026-11-28");
        assertThat(run.err()).isEmpty();
        unsigned = pdfIn(dir.resolve("unsigned"));
    }

    @Test
    void a_signed_report_passes_with_its_rule_set_naming_signer_and_time() {
        Run run = verify(signed, "--rules", "rules");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("FAIL");
        assertThat(run.out()).contains(
                "Signature (ETSI.CAdES.detached)",
                "PASS  the signature covers the whole file except its own value",
                "PASS  the CMS signature verifies over the signed bytes (SHA-256, RSA)",
                "PASS  the signing-certificate-v2 attribute names the signer's certificate",
                "PASS  the signer's certificate was valid at the signing time",
                "signer:      " + "CN=Test Privacy Office,O=T-Centre Test,C=EU",
                "issued by:   CN=T-Centre Test CA",
                "signed at:   ",
                "2 certificates in the signature",
                "NOTE  the certificate's trust chain is not validated against a trust list",
                "PASS  the PDF's text states the same declaration SHA-256",
                "PASS  the PDF's text states the embedded JSON report's report id and rule-set SHA-256",
                "PASS  the rule set tcentre-gdpr",
                "is the one the report records",
                "PASS  evaluated again at 2026-11-28T00:00:00Z: the same 9 findings (rule, pointer, severity)",
                "PASS  the JSON report rendered again is the embedded one",
                "Result: PASS");
        assertThat(run.out()).containsPattern("PASS  the embedded declaration fitness-tracker.yaml \\([\\d,]+ bytes\\) "
                + "has SHA-256 [0-9a-f]{64}, as the embedded JSON report states");
    }

    @Test
    void an_unsigned_report_passes_and_says_it_is_not_signed_and_not_evaluated_again() {
        Run run = verify(unsigned);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("NOTE  the report is not signed",
                "NOTE  not repeated: give --rules DIR", "Result: PASS — 3 checks passed; 2 notes");
        assertThat(run.out()).doesNotContain("FAIL");
    }

    @Test
    void a_changed_byte_in_the_page_content_of_a_signed_report_fails_the_signature() throws IOException {
        byte[] pdf = Files.readAllBytes(signed);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSBase contents = document.getPage(0).getCOSObject().getItem(COSName.CONTENTS);
            if (contents instanceof COSObject reference && reference.getObject() instanceof COSArray streams) {
                contents = streams.get(0);
            } else if (contents instanceof COSArray streams) {
                contents = streams.get(0);
            }
            flipInStream(pdf, document, contents);
        }
        Run run = verify(write("content.pdf", pdf));

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  the signed bytes were changed after signing", "Result: FAIL");
    }

    @Test
    void a_changed_byte_in_the_embedded_json_of_a_signed_report_fails() throws IOException {
        byte[] pdf = Files.readAllBytes(signed);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            flipInStream(pdf, document, embeddedFile(document, "Data").getCOSObject());
        }
        Run run = verify(write("json.pdf", pdf), "--rules", "rules");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  the signed bytes were changed after signing", "Result: FAIL");
    }

    @Test
    void a_changed_byte_in_the_embedded_declaration_of_a_signed_report_fails_signature_and_hash() throws IOException {
        byte[] pdf = Files.readAllBytes(signed);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            flipInStream(pdf, document, embeddedFile(document, "Source").getCOSObject());
        }
        Run run = verify(write("declaration.pdf", pdf));

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  the signed bytes were changed after signing");
        // However the damaged stream decodes, it is not the declaration that was hashed.
        assertThat(run.out()).containsPattern("FAIL  (the embedded declaration .* but the embedded JSON report states"
                + "|the embedded files cannot be read)");
    }

    @Test
    void a_declaration_swapped_in_an_update_after_signing_is_not_covered_by_the_signature() throws IOException {
        byte[] replacement = Files.readAllBytes(Path.of("docs/examples/team-notes.yaml"));
        var out = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(signed))) {
            PDComplexFileSpecification spec = specification(document, "Source");
            var file = new PDEmbeddedFile(document, new ByteArrayInputStream(replacement));
            file.setSubtype("application/yaml");
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            document.saveIncremental(out, Set.of(spec.getCOSObject()));
        }
        Run run = verify(write("updated.pdf", out.toByteArray()));

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        // The signature itself still verifies: over the revision it signed, which is no longer the whole file.
        assertThat(run.out()).contains("PASS  the CMS signature verifies",
                "bytes were added after signing, which the signature does not vouch for",
                "but the embedded JSON report states", "not the embedded declaration's");
    }

    @Test
    void an_unsigned_report_whose_declaration_was_replaced_fails_the_hash_checks() throws IOException {
        byte[] replacement = Files.readAllBytes(Path.of("docs/examples/team-notes.yaml"));
        var out = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(unsigned))) {
            PDComplexFileSpecification spec = specification(document, "Source");
            var file = new PDEmbeddedFile(document, new ByteArrayInputStream(replacement));
            file.setSubtype("application/yaml");
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            document.save(out);
        }
        Run run = verify(write("replaced.pdf", out.toByteArray()), "--rules", "rules");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("NOTE  the report is not signed",
                "has SHA-256 " + sha256(replacement) + ", but the embedded JSON report states",
                "FAIL  the PDF's text states declaration SHA-256", "not the embedded declaration's",
                "FAIL  evaluated again at 2026-11-28T00:00:00Z: the findings differ", "only in the report: HIGH",
                "Result: FAIL");
    }

    @Test
    void findings_edited_in_the_embedded_json_of_an_unsigned_report_fail_the_repeated_evaluation() throws IOException {
        var out = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(unsigned))) {
            PDComplexFileSpecification spec = specification(document, "Data");
            String json = new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
            String edited = json.replaceFirst("\"severity\": \"HIGH\"", "\"severity\": \"LOW\"");
            assertThat(edited).isNotEqualTo(json);
            var file = new PDEmbeddedFile(document, new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)));
            file.setSubtype("application/json");
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            document.save(out);
        }
        Path edited = write("edited.pdf", out.toByteArray());

        // The hashes still agree: only evaluating again shows the change.
        assertThat(verify(edited).exitCode()).isZero();
        Run run = verify(edited, "--rules", "rules");
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  evaluated again", "only in the report: LOW", "only now:           HIGH");
    }

    @Test
    void another_rule_set_is_reported_as_such_not_as_tampering(@TempDir Path copy) throws IOException {
        Path rules = copy.resolve("rules");
        CheckCommandTest.copy(Path.of("rules"), rules);
        // Drop a rule that fires on the example: a different rule set, with different findings.
        Path rule;
        try (Stream<Path> files = Files.walk(rules)) {
            rule = files.filter(p -> p.getFileName().toString().startsWith("CON-001")).findFirst().orElseThrow();
        }
        try (Stream<Path> files = Files.walk(rule)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Run run = verify(signed, "--rules", rules.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("NOTE  a different rule set:", "not a sign of tampering",
                "NOTE  evaluated again at 2026-11-28T00:00:00Z: the findings differ", "as a different rule set may well give",
                "only in the report: HIGH CON-001");
        assertThat(run.out()).doesNotContain("FAIL");
    }

    @Test
    void a_report_with_waived_and_expired_waivers_and_a_profile_verifies_as_it_was_produced(@TempDir Path tmp) throws IOException {
        Path waivers = tmp.resolve("waivers.yaml");
        Files.writeString(waivers, """
                - { id: W-1, productId: pulse-band, ruleId: SEC-006, justification: Pen test booked for January.,
                    approver: Olga Privacy, expires: 2027-03-31 }
                - { id: W-2, productId: pulse-band, ruleId: CON-001, activityId: run-tracking,
                    justification: Consent records migrate next sprint., approver: Olga Privacy, expires: 2026-11-27 }
                """);
        Run run = check(Map.of(), EXAMPLE, "--out", tmp.resolve("out").toString(), "--as-of", "2026-11-28",
                "--waivers", waivers.toString(), "--profile", "default");
        assertThat(run.out()).contains("WAIVED by W-1").contains("W-2");

        Run verified = verify(pdfIn(tmp.resolve("out")), "--rules", "rules");

        assertThat(verified.exitCode()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("PASS  the JSON report rendered again is the embedded one, property for property")
                .doesNotContain("FAIL");
    }

    @Test
    void a_file_that_is_not_a_report_exits_2(@TempDir Path tmp) throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.pdf"), "not a PDF at all");
        Run run = verify(text);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("not a report of this checker").doesNotContain("\tat ");

        Path plain = tmp.resolve("plain.pdf");
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(plain.toFile());
        }
        run = verify(plain);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("is a PDF, but not a report of this checker");

        assertThat(verify(tmp.resolve("missing.pdf")).exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void help_lists_verify_and_its_exit_codes() {
        Run help = CheckCommandTest.cli("verify", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("REPORT", "--rules", "1   at least one check failed");
        assertThat(CheckCommandTest.cli("--help").out()).contains("verify");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    static Run verify(Path report, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "verify";
        args[1] = report.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return CheckCommandTest.cli(args);
    }

    /** {@code check} with the given environment in place of the process's (for the signing settings). */
    static Run check(Map<String, String> environment, String... args) {
        var command = new CheckCommand();
        command.environment = environment;
        var out = new StringWriter();
        var err = new StringWriter();
        int code = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Path pdfIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        }
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static PDComplexFileSpecification specification(PDDocument document, String relationship) {
        var af = document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.AF);
        for (int i = 0; i < af.size(); i++) {
            var spec = (COSDictionary) af.getObject(i);
            if (relationship.equals(spec.getNameAsString("AFRelationship"))) {
                return new PDComplexFileSpecification(spec);
            }
        }
        throw new AssertionError("no " + relationship + " file");
    }

    private static PDEmbeddedFile embeddedFile(PDDocument document, String relationship) {
        return specification(document, relationship).getEmbeddedFile();
    }

    /** Flips one bit in the data of the stream {@code object}, found by its offset in the cross-reference table. */
    private static void flipInStream(byte[] pdf, PDDocument document, COSBase object) {
        COSObjectKey key = object instanceof COSObject reference ? reference.getKey() : object.getKey();
        assertThat(key).as("an indirect stream").isNotNull();
        Long offset = document.getDocument().getXrefTable().get(key);
        assertThat(offset).as("a stream outside object streams").isNotNull().isPositive();
        int start = indexOf(pdf, "stream".getBytes(StandardCharsets.US_ASCII), offset.intValue());
        pdf[start + "stream".length() + 2 + 16] ^= 0x01;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
