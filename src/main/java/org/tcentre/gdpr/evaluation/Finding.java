package org.tcentre.gdpr.evaluation;

import org.tcentre.gdpr.rules.PracticeArea;
import org.tcentre.gdpr.rules.Severity;
import java.util.Comparator;
import java.util.List;

/**
 * One thing a rule found wrong with a declaration, in the one shape every rule reports.
 *
 * @param law         the law the finding rests on: "GDPR" or "ePrivacy Directive"
 * @param articles    the primary article(s) followed by the principles the catalogue co-cites
 * @param activityId  the activity concerned, or {@code null} for product-wide findings
 * @param pointer     JSON pointer (RFC 6901) of the declaration field that triggered the finding
 * @param evidence    the declared value at that pointer, or "(not declared)"
 * @param guidance    the guidance the rule follows (e.g. "EDPB Guidelines 2/2019"), or {@code null}
 * @param waiver      the waiver that accepts this finding as a risk, or {@code null} for an open finding; set by
 *                    {@link Evaluation#withWaivers}, never by a rule
 */
public record Finding(
        String ruleId,
        String title,
        String law,
        List<String> articles,
        PracticeArea practiceArea,
        Severity severity,
        String activityId,
        String pointer,
        String evidence,
        String explanation,
        String remediation,
        String guidance,
        Waiver waiver) {

    /** Most severe first, then by rule id and pointer: the order every report uses. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::pointer);

    public Finding {
        articles = List.copyOf(articles);
    }

    /** An open finding, as a rule reports it. */
    public Finding(String ruleId, String title, String law, List<String> articles, PracticeArea practiceArea,
                   Severity severity, String activityId, String pointer, String evidence, String explanation,
                   String remediation, String guidance) {
        this(ruleId, title, law, articles, practiceArea, severity, activityId, pointer, evidence, explanation,
                remediation, guidance, null);
    }

    /** Whether a waiver accepts this finding: then it is reported, but counts towards neither verdict nor exit code. */
    public boolean waived() {
        return waiver != null;
    }

    /** This finding with {@code waiver} applied ({@code null}: open again). */
    public Finding withWaiver(Waiver waiver) {
        return new Finding(ruleId, title, law, articles, practiceArea, severity, activityId, pointer, evidence,
                explanation, remediation, guidance, waiver);
    }
}
