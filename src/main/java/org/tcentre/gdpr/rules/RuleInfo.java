package org.tcentre.gdpr.rules;

import java.util.List;

/**
 * A rule's metadata as its DRL file declares it.
 *
 * @param file     the rule file, relative to the rule-set directory
 * @param law      "GDPR", or "ePrivacy Directive" for the ePrivacy pack
 * @param articles primary articles followed by co-cited principles
 */
public record RuleInfo(
        String id,
        String title,
        String law,
        List<String> articles,
        PracticeArea practiceArea,
        Severity severity,
        String remediation,
        String explanation,
        String guidance,
        String file) {

    public RuleInfo {
        articles = List.copyOf(articles);
    }
}
