package org.tcentre.gdpr.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import org.tcentre.gdpr.declaration.Controller;
import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;
import org.tcentre.gdpr.declaration.Product;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.evaluation.Waiver;
import org.tcentre.gdpr.rules.PracticeArea;
import org.tcentre.gdpr.rules.Severity;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleSetIdentity;
import tools.jackson.databind.json.JsonMapper;

/** Hand-made evaluations for the renderer tests: small, fixed, and with names from across Europe. */
public final class ReportSamples {

    public static final Instant EVALUATED_AT = Instant.parse("2025-03-14T09:26:53Z");
    /** The bytes the sample declaration was "submitted" as: what the PDF embeds, byte for byte. */
    public static final byte[] DECLARATION_BYTES = ("""
            # A sample declaration (shortened): UTF-8, names from across Europe.
            formatVersion: 1
            id: decl-smart-meter
            product:
              id: smart-meter
              name: Łódź Smart Meter
              version: "2.1.0"
              owningTeam: Ærøskøbing Ελλάδα
            controller:
              name: Müller Energie GmbH
              country: DE
            """).getBytes(StandardCharsets.UTF_8);
    public static final String DECLARATION_SHA256 = sha256(DECLARATION_BYTES);
    public static final String RULE_SET_SHA256 = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d";

    public static final RuleInfo LAW_002 = new RuleInfo("LAW-002", "Legitimate interests without a balancing test",
            "GDPR", List.of("Art. 6(1)(f)", "Art. 5(2)"), PracticeArea.P2, Severity.HIGH,
            "Document a legitimate interests assessment.", "Explained.", null, "gdpr/p2/LAW-002/rule.drl");
    public static final RuleInfo RET_001 = new RuleInfo("RET-001", "Retention period not stated", "GDPR",
            List.of("Art. 5(1)(e)", "Art. 13(2)(a)"), PracticeArea.P1, Severity.MEDIUM,
            "State a retention period.", "Explained.", "EDPB Guidelines 2/2019", "gdpr/p1/RET-001/rule.drl");
    public static final RuleInfo COOK_001 = new RuleInfo("COOK-001", "Non-essential cookies without consent",
            "ePrivacy Directive", List.of("ePrivacy Directive Art. 5(3)"), PracticeArea.P2, Severity.CRITICAL,
            "Ask for consent first.", "Explained.", null, "eprivacy/COOK-001/rule.drl");

    private ReportSamples() {
    }

    /** Three findings (CRITICAL, HIGH, MEDIUM) about a product with names that need more than ASCII. */
    public static Evaluation small() {
        List<Finding> findings = List.of(
                new Finding("RET-001", RET_001.title(), "GDPR", RET_001.articles(), PracticeArea.P1, Severity.MEDIUM,
                        "meter-readings", "/activities/1/retention", "(not declared)",
                        "The notice must say how long readings are kept.", "State a retention period.",
                        "EDPB Guidelines 2/2019"),
                new Finding("LAW-002", LAW_002.title(), "GDPR", LAW_002.articles(), PracticeArea.P2, Severity.HIGH,
                        "analytics", "/activities/0/legalBasis", "6(1)(f)",
                        "Legitimate interests need a documented balancing test.",
                        "Document a legitimate interests assessment.", null),
                new Finding("COOK-001", COOK_001.title(), "ePrivacy Directive", COOK_001.articles(),
                        PracticeArea.P2, Severity.CRITICAL, null, "/eprivacy/cookies/0", "analytics_id",
                        "Storing an analytics identifier needs prior consent.", "Ask for consent first.", null));
        return evaluation("Łódź Smart Meter", "Müller Energie GmbH", "Ærøskøbing Ελλάδα", findings,
                List.of(LAW_002, RET_001, COOK_001));
    }

    /** A waiver of LAW-002 for activity "analytics" of the sample product, until the end of 2025. */
    public static final Waiver LAW_002_WAIVER = new Waiver("W-2025-007", "smart-meter", "LAW-002", "analytics",
            "Balancing test signed off by the works council; kept as an accepted risk until the Q4 redesign.",
            "Zofia Wiśniewska, DPO", LocalDate.parse("2025-12-31"));
    /** A waiver of RET-001 that ended the day before the sample evaluation. */
    public static final Waiver EXPIRED_RET_001_WAIVER = new Waiver("W-2024-031", "smart-meter", "RET-001", null,
            "Retention schedule pending the legal review.", "Zofia Wiśniewska, DPO", LocalDate.parse("2025-03-13"));

    /** {@link #small()} with LAW-002 waived and an expired waiver of RET-001: one open CRITICAL, MEDIUM each. */
    public static Evaluation waived() {
        return small().withWaivers(List.of(LAW_002_WAIVER, EXPIRED_RET_001_WAIVER));
    }

    /** Many HIGH findings with long texts, for page breaks. */
    public static Evaluation large(int count) {
        List<Finding> findings = new ArrayList<>();
        String longText = "This explanation is deliberately long, so that it has to wrap over several lines "
                + "of the findings table: the processing of meter readings for analytics relies on legitimate "
                + "interests, yet no assessment balancing those interests against the data subjects' rights "
                + "and freedoms is referenced anywhere in the declaration, and Art. 5(2) requires the "
                + "controller to be able to demonstrate compliance. Averyveryveryverylongwordwithoutanyspaces"
                + "thatcannotbebrokenatawhitespaceandmustbesplitsomewhere/inside/it.";
        for (int i = 0; i < count; i++) {
            findings.add(new Finding(String.format("GEN-%03d", i), "Generated finding number " + i, "GDPR",
                    List.of("Art. 6(1)(f)", "Art. 5(2)"), PracticeArea.values()[i % 6], Severity.HIGH,
                    "activity-" + i, "/activities/" + i + "/dataCategories/3/retention/periodInMonths",
                    "value-" + i, longText, "Remediation for finding " + i + ".", null));
        }
        return evaluation("Łódź Smart Meter", "Müller Energie GmbH", "Ærøskøbing Ελλάδα", findings, List.of(LAW_002));
    }

    /** The shipped wording, {@code reports/wording.yaml} (tests run in the project directory). */
    public static ReportWording wording() {
        return ReportWording.load(Path.of("reports"));
    }

    /** An evaluation of a real declaration file without any rule: for rendering what was declared. */
    public static Evaluation declarationOnly(Path file) throws InvalidDeclarationException {
        DeclarationDocument document = new DeclarationReader().read(file);
        return new Evaluation(document, new RuleSetIdentity("tcentre-gdpr", "1.4.0", RULE_SET_SHA256), List.of(),
                List.of(), EVALUATED_AT);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Evaluation evaluation(String productName, String controllerName, String owningTeam,
                                        List<Finding> findings, List<RuleInfo> rules) {
        var product = new Product("smart-meter", productName, "2.1.0", owningTeam, null, null, List.of("PL"), true);
        var controller = new Controller(controllerName, null, "DE", true, true, null, false, false, false, false,
                false);
        var model = new Declaration(1, "decl-smart-meter", product, controller, null, null, null, null, null, null,
                null, null, null);
        var document = new DeclarationDocument("smart-meter.yaml", "yaml", DECLARATION_BYTES, DECLARATION_SHA256,
                JsonMapper.builder().build().createObjectNode(), model);
        return new Evaluation(document, new RuleSetIdentity("tcentre-gdpr", "1.4.0", RULE_SET_SHA256), rules,
                findings, EVALUATED_AT);
    }
}
