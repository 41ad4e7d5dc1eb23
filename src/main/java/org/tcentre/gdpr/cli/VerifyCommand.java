package org.tcentre.gdpr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.evaluation.Waiver;
import org.tcentre.gdpr.rules.RuleProfile;
import org.tcentre.gdpr.report.JsonReportWriter;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.pdf.Attachment;
import org.tcentre.gdpr.report.pdf.PdfSignatureVerifier;
import org.tcentre.gdpr.report.pdf.ReportAttachments;
import org.tcentre.gdpr.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gdpr-checker verify REPORT.pdf [--rules DIR]}: checks a PDF report of this checker and prints a
 * checklist, one PASS, FAIL or NOTE per check.
 *
 * <ol>
 *   <li>Signature, when the file is signed: the CMS signature verifies over its byte range, the byte range
 *       covers the whole file except the signature value, the signing-certificate-v2 attribute names the
 *       signer's certificate, the certificate was valid at the stated signing time; prints signer and time.
 *       The trust chain is not validated against a trust list.</li>
 *   <li>Embedded declaration: its SHA-256, recomputed, is the one the embedded JSON report states and the
 *       one printed in the PDF's text; the PDF's text states the JSON report's report id and rule-set hash.</li>
 *   <li>With {@code --rules}: the embedded declaration evaluated again with that rule set at the report's
 *       evaluation time gives the same findings (rule, pointer, severity) as the embedded JSON report. A rule
 *       set other than the report's is said to be one, and differing findings are then a note, not a failure.</li>
 * </ol>
 * NOTEs do not change the exit code: 0 when no check failed, 1 when one did.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies a PDF report of this checker: its signature (if signed), that the embedded declaration "
                + "is the one the report and its embedded JSON name, and, with --rules, that the rule set finds the same "
                + "again. Prints PASS, FAIL or NOTE per check; the signer's certificate is not validated against a "
                + "trust list."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check passed (NOTEs do not count)",
            "1:at least one check failed",
            "2:the file is not a PDF report of this checker, or cannot be read",
            "3:the rule set in --rules cannot be used",
            "4:internal error"})
final class VerifyCommand implements Callable<Integer> {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern DECLARATION_SHA = Pattern.compile("Declaration SHA-256\\s+([0-9a-fA-F]{64})");
    private static final Pattern RULE_SET_SHA = Pattern.compile("Rule-set SHA-256\\s+([0-9a-fA-F]{64})");
    private static final Pattern REPORT_ID = Pattern.compile("Report id\\s+([0-9a-fA-F]{20})");
    private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");
    private static final String CREATOR = "GDPR checker";
    private static final int MAX_DIFFERENCES = 20;

    @Parameters(paramLabel = "REPORT", description = "The PDF report (as written by check).")
    Path reportFile;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Evaluate the embedded declaration again with this rule set, at the report's evaluation time, "
                    + "and compare the findings with the report's.")
    Path rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] file;
        try {
            file = Files.readAllBytes(reportFile);
        } catch (NoSuchFileException e) {
            err.println(reportFile + " does not exist");
            return ExitCodes.INVALID_INPUT;
        } catch (IOException e) {
            err.println(reportFile + " cannot be read: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        PDDocument pdf;
        try {
            pdf = Loader.loadPDF(file);
        } catch (IOException e) {
            err.println(reportFile + " is not a PDF file that can be read (" + e.getMessage() + "): not a report of this checker");
            return ExitCodes.INVALID_INPUT;
        }
        try (pdf) {
            if (!isReport(pdf)) {
                err.println(reportFile + " is a PDF, but not a report of this checker: it embeds no declaration and JSON "
                        + "report, and was not made by the " + CREATOR);
                return ExitCodes.INVALID_INPUT;
            }
            // Compiling the rules is the slow part: start it while the signature and the hashes are checked.
            CompletableFuture<RuleSet> ruleSetLoading = rules == null ? null : RuleSets.loadInBackground(rules, true);
            Embedded embedded = Embedded.read(pdf);
            var list = new Checklist(out);
            header(out, file.length, embedded);
            signatures(file, pdf, list);
            hashes(pdf, embedded, list);
            boolean ruleSetError = reevaluation(embedded, ruleSetLoading, list, err);
            list.result();
            if (ruleSetError) {
                return ExitCodes.RULE_SET_ERROR;
            }
            return list.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
        } catch (IOException e) {
            err.println(reportFile + " cannot be read: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }

    /** Made by this checker, or carrying the two associated files its reports carry. */
    static boolean isReport(PDDocument pdf) {
        var info = pdf.getDocumentInformation();
        if (info != null && (CREATOR.equals(info.getCreator()) || CREATOR.equals(info.getAuthor()))) {
            return true;
        }
        COSArray af = pdf.getDocumentCatalog().getCOSObject().getCOSArray(COSName.AF);
        boolean source = false;
        boolean data = false;
        for (int i = 0; af != null && i < af.size(); i++) {
            COSBase entry = af.getObject(i);
            if (entry instanceof COSDictionary spec) {
                String relationship = spec.getNameAsString(AF_RELATIONSHIP);
                source |= "Source".equals(relationship);
                data |= "Data".equals(relationship);
            }
        }
        return source && data;
    }

    private void header(PrintWriter out, int size, Embedded embedded) {
        out.println("Verifying " + reportFile + " (" + String.format(Locale.ROOT, "%,d", size) + " bytes)");
        JsonNode report = embedded.report();
        if (report != null) {
            out.println("  report " + text(report.at("/reportId")) + " of declaration " + text(report.at("/declaration/id"))
                    + ", evaluated " + text(report.at("/generatedAt")));
            out.println("  rule set " + text(report.at("/ruleSet/name")) + " " + text(report.at("/ruleSet/version"))
                    + ", verdict " + text(report.at("/verdict/label")));
        }
    }

    // ---- (a) the signature -------------------------------------------------------------------------------

    private static void signatures(byte[] file, PDDocument pdf, Checklist list) {
        List<PdfSignatureVerifier.Result> results;
        try {
            results = PdfSignatureVerifier.verify(file, pdf);
        } catch (IOException | RuntimeException e) {
            list.section("Signature");
            list.fail("the signatures cannot be read: " + e.getMessage());
            return;
        }
        if (results.isEmpty()) {
            list.section("Signature");
            list.note("the report is not signed: nothing shows who issued it, and the checks below show only "
                    + "that its parts agree with each other");
            return;
        }
        for (int i = 0; i < results.size(); i++) {
            PdfSignatureVerifier.Result result = results.get(i);
            boolean last = i == results.size() - 1;
            list.section("Signature" + (results.size() > 1 ? " " + (i + 1) + " of " + results.size() : "")
                    + (result.subFilter() == null ? "" : " (" + result.subFilter() + ")"));
            if (result.coverageProblem() != null) {
                list.fail(result.coverageProblem());
            } else if (result.coversWholeFile()) {
                list.pass("the signature covers the whole file except its own value ("
                        + String.format(Locale.ROOT, "%,d", result.fileLength()) + " bytes)");
            } else if (last) {
                list.fail("the signature covers only the first " + String.format(Locale.ROOT, "%,d", result.signedLength())
                        + " of " + String.format(Locale.ROOT, "%,d", result.fileLength()) + " bytes: "
                        + String.format(Locale.ROOT, "%,d", result.fileLength() - result.signedLength())
                        + " bytes were added after signing, which the signature does not vouch for");
            } else {
                list.note("the signature covers the revision of the first "
                        + String.format(Locale.ROOT, "%,d", result.signedLength()) + " bytes (a later signature follows)");
            }
            if (result.cmsProblem() != null) {
                list.fail(result.cmsProblem());
            } else {
                list.pass("the CMS signature verifies over the signed bytes (" + result.digestAlgorithm() + ", "
                        + result.signatureAlgorithm() + ")");
            }
            if (result.signer() == null) {
                continue;
            }
            switch (result.signingCertificate()) {
                case MATCHES -> list.pass("the signing-certificate-v2 attribute names the signer's certificate");
                case ABSENT -> list.note("no signing-certificate-v2 attribute: not a PAdES baseline signature");
                case MISMATCH -> list.fail("the signing-certificate-v2 attribute names another certificate than the signer's");
            }
            if (result.signingTime() == null) {
                list.note("the signature states no signing time (/M)");
            } else if (result.certificateValidAtSigningTime()) {
                list.pass("the signer's certificate was valid at the signing time");
            } else {
                list.fail("the signer's certificate was not valid at the signing time (valid " + result.notBefore()
                        + " to " + result.notAfter() + ")");
            }
            list.detail("signer:      " + result.signer());
            list.detail("issued by:   " + result.issuer());
            list.detail("signed at:   " + (result.signingTime() == null ? "not stated" : result.signingTime()
                    + " (as the signer states it, /M; no trusted timestamp)"));
            list.detail("certificate: SHA-256 " + result.certificateSha256());
            list.detail("             valid " + result.notBefore() + " to " + result.notAfter() + "; "
                    + result.certificates() + " certificate" + (result.certificates() == 1 ? "" : "s") + " in the signature");
            list.note("the certificate's trust chain is not validated against a trust list: whether the signer is "
                    + "who it says is for you to judge (compare the certificate's SHA-256 with the one the issuer publishes)");
        }
    }

    // ---- (b) the embedded declaration and the hashes ------------------------------------------------------

    private static void hashes(PDDocument pdf, Embedded embedded, Checklist list) {
        list.section("Embedded declaration and hashes");
        if (embedded.problem() != null) {
            list.fail(embedded.problem());
        }
        Attachment declaration = embedded.declaration();
        JsonNode report = embedded.report();
        if (declaration == null && embedded.problem() == null) {
            list.fail("the PDF embeds no declaration (no associated file with /AFRelationship /Source)");
        }
        if (embedded.json() == null && embedded.problem() == null) {
            list.fail("the PDF embeds no JSON report (no associated file with /AFRelationship /Data, application/json)");
        }
        String sha256 = declaration == null ? null : declaration.sha256();
        if (declaration != null && report != null) {
            String stated = text(report.at("/declaration/sha256"));
            String what = "the embedded declaration " + declaration.name() + " ("
                    + String.format(Locale.ROOT, "%,d", declaration.size()) + " bytes) has SHA-256 " + sha256;
            if (sha256.equalsIgnoreCase(String.valueOf(stated))) {
                list.pass(what + ", as the embedded JSON report states");
            } else {
                list.fail(what + ", but the embedded JSON report states " + stated);
            }
        }

        String text;
        try {
            text = new PDFTextStripper().getText(pdf);
        } catch (IOException | RuntimeException e) {
            list.fail("the PDF's text cannot be read (" + e.getMessage() + ")");
            return;
        }
        Set<String> printed = all(DECLARATION_SHA, text);
        if (printed.isEmpty()) {
            list.fail("the PDF's text states no declaration SHA-256");
        } else if (sha256 != null) {
            if (printed.size() == 1 && printed.contains(sha256)) {
                list.pass("the PDF's text states the same declaration SHA-256");
            } else {
                printed.remove(sha256);
                list.fail("the PDF's text states declaration SHA-256 " + String.join(", ", printed)
                        + ", not the embedded declaration's");
            }
        }
        if (report != null) {
            List<String> disagreements = new ArrayList<>();
            compare("report id", text(report.at("/reportId")), all(REPORT_ID, text), disagreements);
            compare("rule-set SHA-256", text(report.at("/ruleSet/sha256")), all(RULE_SET_SHA, text), disagreements);
            if (disagreements.isEmpty()) {
                list.pass("the PDF's text states the embedded JSON report's report id and rule-set SHA-256");
            } else {
                disagreements.forEach(list::fail);
            }
        }
    }

    private static void compare(String what, String expected, Set<String> printed, List<String> disagreements) {
        if (printed.isEmpty()) {
            disagreements.add("the PDF's text states no " + what);
        } else if (expected == null || printed.size() != 1 || !printed.contains(expected.toLowerCase(Locale.ROOT))) {
            disagreements.add("the PDF's text states " + what + " " + String.join(", ", printed)
                    + ", the embedded JSON report " + expected);
        }
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return found;
    }

    // ---- (c) evaluating again ---------------------------------------------------------------------------

    /** @return whether the rule set could not be loaded */
    private boolean reevaluation(Embedded embedded, CompletableFuture<RuleSet> loading, Checklist list, PrintWriter err) {
        list.section("Evaluation repeated" + (rules == null ? "" : " with " + rules));
        JsonNode report = embedded.report();
        if (loading == null) {
            list.note("not repeated: give --rules DIR"
                    + (report == null ? "" : " (a rule set with SHA-256 " + text(report.at("/ruleSet/sha256")) + ")")
                    + " to evaluate the embedded declaration again and compare the findings");
            return false;
        }
        RuleSet ruleSet = RuleSets.await(loading, rules, err);
        if (ruleSet == null) {
            list.fail("the rule set in " + rules + " cannot be used (its problems are listed above)");
            return true;
        }
        if (embedded.declaration() == null || report == null) {
            list.fail("cannot evaluate again without the embedded declaration and JSON report");
            return false;
        }
        var identity = ruleSet.identity();
        String recorded = text(report.at("/ruleSet/sha256"));
        boolean sameRules = identity.sha256().equalsIgnoreCase(String.valueOf(recorded));
        if (sameRules) {
            list.pass("the rule set " + identity.name() + " " + identity.version()
                    + " is the one the report records (SHA-256 " + identity.sha256() + ")");
        } else {
            list.note("a different rule set: " + identity.name() + " " + identity.version() + " has SHA-256 "
                    + identity.sha256() + ", the report records " + text(report.at("/ruleSet/name")) + " "
                    + text(report.at("/ruleSet/version")) + " with SHA-256 " + recorded
                    + "; what follows is what this rule set says, not a sign of tampering");
        }

        Instant at;
        try {
            at = Instant.parse(String.valueOf(text(report.at("/generatedAt"))));
        } catch (DateTimeParseException e) {
            list.fail("the embedded JSON report states no evaluation time (generatedAt)");
            return false;
        }
        DeclarationDocument declaration;
        String source = Optional.ofNullable(text(report.at("/declaration/source"))).orElse(embedded.declaration().name());
        try {
            declaration = new DeclarationReader().read(embedded.declaration().bytes(), source);
        } catch (InvalidDeclarationException e) {
            list.fail("the embedded declaration is not a valid declaration (" + e.problems().size() + " problem"
                    + (e.problems().size() == 1 ? "" : "s") + ", first: " + e.problems().get(0) + ")");
            return false;
        }
        // The same profile as recorded; a report from before profiles existed records none.
        String profile = Optional.ofNullable(text(report.at("/ruleSet/profile"))).orElse(RuleProfile.NONE);
        Evaluation evaluation;
        try {
            evaluation = new DeclarationCheck(Clock.fixed(at, ZoneOffset.UTC)).check(declaration, ruleSet, profile)
                    .withWaivers(recordedWaivers(report));
        } catch (IllegalArgumentException e) {
            list.fail("cannot evaluate again under the recorded profile: " + e.getMessage());
            return false;
        }
        byte[] again = new JsonReportWriter().write(Report.of(evaluation));
        JsonNode rendered = MAPPER.readTree(again);

        List<String> before = findings(report);
        List<String> now = findings(rendered);
        List<String> differences = differences(before, now);
        if (differences.isEmpty()) {
            list.pass("evaluated again at " + at + ": the same " + now.size() + " finding" + (now.size() == 1 ? "" : "s")
                    + " (rule, pointer, severity) as the embedded JSON report");
        } else {
            String what = "evaluated again at " + at + ": the findings differ from the embedded JSON report's ("
                    + before.size() + " in the report, " + now.size() + " now)";
            if (sameRules) {
                list.fail(what);
            } else {
                list.note(what + ", as a different rule set may well give");
            }
            differences.stream().limit(MAX_DIFFERENCES).forEach(list::detail);
            if (differences.size() > MAX_DIFFERENCES) {
                list.detail("... and " + (differences.size() - MAX_DIFFERENCES) + " more");
            }
        }
        if (sameRules && differences.isEmpty()) {
            String where = firstDifference(report, rendered, "");
            if (where == null) {
                list.pass("the JSON report rendered again is the embedded one, property for property");
            } else if (report.path("reportFormatVersion").asInt(-1) != JsonReportWriter.FORMAT_VERSION) {
                list.note("the JSON report rendered again differs from the embedded one at " + where + ": the report is in "
                        + "format version " + text(report.at("/reportFormatVersion")) + ", this checker writes "
                        + JsonReportWriter.FORMAT_VERSION);
            } else {
                list.fail("the embedded JSON report says something else than the report rendered again, at " + where
                        + ": " + shortValue(report.at(where)) + " in the report, " + shortValue(rendered.at(where)) + " now");
            }
        }
        return false;
    }

    /** "HIGH CON-001 /activities/2/consent/recorded" per finding, in the report's order. */
    private static List<String> findings(JsonNode report) {
        List<String> findings = new ArrayList<>();
        for (JsonNode finding : report.path("findings")) {
            findings.add(text(finding.path("severity")) + " " + text(finding.path("ruleId")) + " "
                    + text(finding.path("pointer")));
        }
        return findings;
    }

    /** Findings in one list and not the other (as multisets): "only in the report: …", "only now: …". */
    private static List<String> differences(List<String> before, List<String> now) {
        Map<String, Integer> count = new HashMap<>();
        before.forEach(f -> count.merge(f, 1, Integer::sum));
        now.forEach(f -> count.merge(f, -1, Integer::sum));
        List<String> differences = new ArrayList<>();
        for (String f : new LinkedHashSet<>(before)) {
            for (int i = 0; i < count.get(f); i++) {
                differences.add("only in the report: " + f);
            }
        }
        for (String f : new LinkedHashSet<>(now)) {
            for (int i = 0; i < -count.get(f); i++) {
                differences.add("only now:           " + f);
            }
        }
        return differences;
    }

    /** The JSON pointer of the first place where the two trees differ, or {@code null} when they are equal. */
    static String firstDifference(JsonNode a, JsonNode b, String at) {
        if (a.equals(b)) {
            return null;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>(a.propertyNames());
            names.addAll(b.propertyNames());
            for (String name : names) {
                JsonNode x = a.get(name);
                JsonNode y = b.get(name);
                String here = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (x == null || y == null) {
                    return here;
                }
                String deeper = firstDifference(x, y, here);
                if (deeper != null) {
                    return deeper;
                }
            }
            return at;
        }
        if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                if (i >= a.size() || i >= b.size()) {
                    return at + "/" + i;
                }
                String deeper = firstDifference(a.get(i), b.get(i), at + "/" + i);
                if (deeper != null) {
                    return deeper;
                }
            }
            return at;
        }
        return at.isEmpty() ? "/" : at;
    }

    private static String shortValue(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String value = node.toString();
        return value.length() > 60 ? value.substring(0, 57) + "..." : value;
    }

    /**
     * The waivers the report records, rebuilt so the evaluation repeated applies the same ones: each waived finding's
     * waiver (for that finding's rule and activity) and each expired waiver the report lists.
     */
    static List<Waiver> recordedWaivers(JsonNode report) {
        String product = text(report.at("/product/id"));
        List<Waiver> waivers = new ArrayList<>();
        if (product == null) {
            return waivers;
        }
        try {
            for (JsonNode finding : report.path("findings")) {
                JsonNode waiver = finding.path("waiver");
                if (waiver.isObject()) {
                    waivers.add(new Waiver(text(waiver.get("id")), product, text(finding.get("ruleId")),
                            text(finding.get("activityId")), text(waiver.get("justification")),
                            text(waiver.get("approver")), LocalDate.parse(text(waiver.get("expires")))));
                }
            }
            for (JsonNode expired : report.path("expiredWaivers")) {
                waivers.add(new Waiver(text(expired.get("id")), product, text(expired.get("ruleId")),
                        text(expired.get("activityId")),
                        Optional.ofNullable(text(expired.get("justification"))).orElse("(as recorded in the report)"),
                        text(expired.get("approver")),
                        LocalDate.parse(text(expired.get("expires")))));
            }
        } catch (RuntimeException e) {
            // A waiver the report records that does not read back: the comparison that follows shows the difference.
            return waivers;
        }
        return waivers;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    /** The two embedded files and the JSON report parsed; {@code problem} when they cannot be read. */
    private record Embedded(Attachment declaration, Attachment json, JsonNode report, String problem) {

        static Embedded read(PDDocument pdf) {
            Attachment declaration;
            Attachment json;
            try {
                declaration = ReportAttachments.declaration(pdf).orElse(null);
                json = ReportAttachments.jsonReport(pdf).orElse(null);
            } catch (IOException | RuntimeException e) {
                return new Embedded(null, null, null, "the embedded files cannot be read (" + e.getMessage() + ")");
            }
            if (json == null) {
                return new Embedded(declaration, null, null, null);
            }
            try {
                JsonNode report = MAPPER.readTree(json.bytes());
                if (!report.isObject() || !report.has("reportFormatVersion")) {
                    return new Embedded(declaration, json, null, "the embedded " + json.name() + " is not a JSON report");
                }
                return new Embedded(declaration, json, report, null);
            } catch (JacksonException e) {
                return new Embedded(declaration, json, null, "the embedded " + json.name() + " is not valid JSON ("
                        + e.getOriginalMessage() + ")");
            }
        }
    }

    /** Prints the checklist as it goes and counts passes, failures and notes. */
    private static final class Checklist {
        private final PrintWriter out;
        private int passed;
        private int failed;
        private int notes;

        Checklist(PrintWriter out) {
            this.out = out;
        }

        void section(String title) {
            out.println();
            out.println(title);
        }

        void pass(String text) {
            passed++;
            line("PASS", text);
        }

        void fail(String text) {
            failed++;
            line("FAIL", text);
        }

        void note(String text) {
            notes++;
            line("NOTE", text);
        }

        void detail(String text) {
            out.println("        " + text);
        }

        boolean failed() {
            return failed > 0;
        }

        private void line(String status, String text) {
            out.println("  " + status + "  " + text);
        }

        void result() {
            out.println();
            String noteText = notes == 0 ? "" : "; " + notes + " note" + (notes == 1 ? "" : "s");
            if (failed == 0) {
                out.println("Result: PASS — " + passed + " check" + (passed == 1 ? "" : "s") + " passed" + noteText);
            } else {
                out.println("Result: FAIL — " + failed + " of " + (passed + failed) + " checks failed" + noteText);
            }
            out.flush();
        }
    }
}
