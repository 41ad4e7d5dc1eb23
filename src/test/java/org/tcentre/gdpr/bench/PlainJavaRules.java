package org.tcentre.gdpr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tcentre.gdpr.declaration.Activity;
import org.tcentre.gdpr.declaration.Art9Condition;
import org.tcentre.gdpr.declaration.DataUse;
import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.LegalBasis;
import org.tcentre.gdpr.declaration.Recipient;
import org.tcentre.gdpr.declaration.Transfer;
import org.tcentre.gdpr.declaration.TransferMechanism;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.rules.Parameters;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleSet;
import tools.jackson.databind.JsonNode;

/**
 * The baseline: six of the shipped rules (LAW-001, LAW-002, CON-001, SPC-001, TRF-001, TRF-003) written as
 * plain Java over the same records, producing the same findings, so that the cost of Drools is a ratio.
 */
final class PlainJavaRules {

    static final List<String> RULES = List.of("LAW-001", "LAW-002", "CON-001", "SPC-001", "TRF-001", "TRF-003");

    private final RuleSet ruleSet;
    private final Parameters params;

    PlainJavaRules(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.params = ruleSet.parameters();
    }

    List<Finding> check(DeclarationDocument document) {
        Declaration declaration = document.model();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < declaration.activities().size(); i++) {
            Activity a = declaration.activities().get(i);
            String at = "/activities/" + i;
            String name = a.name() != null ? a.name() : a.id();
            if (a.legalBasis() == null || a.legalBasis() == LegalBasis.NONE) {
                findings.add(finding("LAW-001", document.tree(), a, at + "/legalBasis", "Activity '" + name + "' has no legal basis."));
            }
            if (a.legalBasis() == LegalBasis.LEGITIMATE_INTERESTS && a.legalBasisEvidence().legitimateInterestsAssessment() == null) {
                findings.add(finding("LAW-002", document.tree(), a, at + "/legalBasisEvidence/legitimateInterestsAssessment",
                        "Activity '" + name + "' relies on legitimate interests without an assessment."));
            }
            if ((a.legalBasis() == LegalBasis.CONSENT || a.art9Condition() == Art9Condition.EXPLICIT_CONSENT) && !a.consent().recorded()) {
                findings.add(finding("CON-001", document.tree(), a, at + "/consent/recorded", "Activity '" + name + "' keeps no record of consent."));
            }
            if (a.art9Condition() == null || a.art9Condition() == Art9Condition.NONE) {
                String special = a.data().stream().map(DataUse::category).map(declaration::dataCategory)
                        .filter(c -> c.special() && !c.biometric())
                        .map(c -> (c.name() != null ? c.name() : c.id()) + " (" + c.kind().code() + ")")
                        .sorted().collect(Collectors.joining(", "));
                if (!special.isEmpty()) {
                    findings.add(finding("SPC-001", document.tree(), a, at + "/art9Condition",
                            "Activity '" + name + "' processes special categories of data: " + special + "."));
                }
            }
            for (int k = 0; k < a.transfers().size(); k++) {
                Transfer t = a.transfers().get(k);
                Recipient recipient = t.recipient() == null ? null : declaration.recipient(t.recipient());
                boolean dpf = recipient != null && recipient.dpfCertified();
                TransferMechanism mechanism = t.mechanism() == null ? TransferMechanism.NONE : t.mechanism();
                if (params.thirdCountry(t.country()) && !params.adequate(t.country(), dpf)) {
                    if (mechanism == TransferMechanism.NONE) {
                        findings.add(finding("TRF-001", document.tree(), a, at + "/transfers/" + k + "/mechanism",
                                "Activity '" + name + "' transfers personal data to " + t.country() + " without a ground."));
                    }
                    if (mechanism.needsImpactAssessment() && (t.transferImpactAssessment() == null || t.transferImpactAssessment().isBlank())) {
                        findings.add(finding("TRF-003", document.tree(), a, at + "/transfers/" + k + "/transferImpactAssessment",
                                "Activity '" + name + "' transfers personal data to " + t.country() + " without an assessment."));
                    }
                }
            }
        }
        findings.sort(Finding.REPORT_ORDER);
        return findings;
    }

    private Finding finding(String id, JsonNode tree, Activity activity, String pointer, String explanation) {
        RuleInfo rule = ruleSet.rule(id);
        JsonNode value = tree.at(pointer);
        String evidence = value.isMissingNode() || value.isNull() ? "(not declared)" : value.isValueNode() ? value.asString() : value.toString();
        return new Finding(rule.id(), rule.title(), rule.law(), rule.articles(), rule.practiceArea(), rule.severity(),
                activity.id(), pointer, evidence, explanation, rule.remediation(), rule.guidance());
    }
}
