package org.tcentre.gdpr.evaluation;

import org.tcentre.gdpr.rules.Severity;
import java.util.List;

/**
 * The overall verdict, by one documented rule: any CRITICAL or HIGH finding makes the declaration
 * non-compliant; otherwise any MEDIUM or LOW finding makes it compliant with observations; INFO findings
 * alone leave it compliant. Waived findings (accepted risks, see {@link Waiver}) are left out: they are reported in
 * their own bucket and never decide the verdict.
 */
public enum Verdict {
    COMPLIANT("Compliant"),
    COMPLIANT_WITH_OBSERVATIONS("Compliant with observations"),
    NON_COMPLIANT("Non-compliant");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Verdict of(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> !f.waived() && f.severity().atLeast(Severity.HIGH))) {
            return NON_COMPLIANT;
        }
        if (findings.stream().anyMatch(f -> !f.waived() && f.severity().atLeast(Severity.LOW))) {
            return COMPLIANT_WITH_OBSERVATIONS;
        }
        return COMPLIANT;
    }
}
