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
        String guidance) {

    /** Most severe first, then by rule id and pointer: the order every report uses. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::pointer);

    public Finding {
        articles = List.copyOf(articles);
    }
}
