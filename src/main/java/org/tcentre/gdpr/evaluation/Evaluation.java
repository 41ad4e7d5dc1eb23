package org.tcentre.gdpr.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleSetIdentity;
import org.tcentre.gdpr.rules.Severity;

/**
 * The result of checking one declaration against one rule set: immutable, and enough to reproduce.
 *
 * <p>Findings are open or waived (see {@link Waiver}); both are kept here and in every report, but the verdict,
 * the severity counts and the CLI's exit code read only the open ones.
 *
 * @param rulesEvaluated every rule that ran, whether or not it fired
 * @param findings       every finding, open and waived, in {@link Finding#REPORT_ORDER}
 * @param expiredWaivers waivers that would have waived a finding still open here, had they not expired before
 *                       the evaluation date: for reports to say so; in id order
 */
public record Evaluation(
        DeclarationDocument declaration,
        RuleSetIdentity ruleSet,
        List<RuleInfo> rulesEvaluated,
        List<Finding> findings,
        Instant evaluatedAt,
        List<Waiver> expiredWaivers) {

    /** Picks between two waivers of the same finding: the one that lasts longer, then the lower id, so reports are stable. */
    private static final Comparator<Waiver> PREFERRED = Comparator.comparing(Waiver::expires).reversed()
            .thenComparing(Waiver::id);

    public Evaluation {
        rulesEvaluated = List.copyOf(rulesEvaluated);
        findings = findings.stream().sorted(Finding.REPORT_ORDER).toList();
        expiredWaivers = expiredWaivers == null ? List.of()
                : expiredWaivers.stream().sorted(Comparator.comparing(Waiver::id)).toList();
    }

    /** An evaluation without waivers, as {@link DeclarationCheck} returns it. */
    public Evaluation(DeclarationDocument declaration, RuleSetIdentity ruleSet, List<RuleInfo> rulesEvaluated,
                      List<Finding> findings, Instant evaluatedAt) {
        this(declaration, ruleSet, rulesEvaluated, findings, evaluatedAt, List.of());
    }

    public Verdict verdict() {
        return Verdict.of(findings);
    }

    /** The findings no waiver accepts: what the verdict and the exit code are made of. */
    public List<Finding> open() {
        return findings.stream().filter(f -> !f.waived()).toList();
    }

    /** The findings a waiver accepts, reported in their own bucket. */
    public List<Finding> waived() {
        return findings.stream().filter(Finding::waived).toList();
    }

    /** Open findings of this severity. */
    public long count(Severity severity) {
        return findings.stream().filter(f -> !f.waived() && f.severity() == severity).count();
    }

    /** Waived findings of this severity. */
    public long countWaived(Severity severity) {
        return findings.stream().filter(f -> f.waived() && f.severity() == severity).count();
    }

    /** Whether any open finding is at or above the threshold: the CLI's exit code 1. Waived findings never are. */
    public boolean hasFindingsAtOrAbove(Severity threshold) {
        return findings.stream().anyMatch(f -> !f.waived() && f.severity().atLeast(threshold));
    }

    /** The day the evaluation judges by (UTC), as the rules' {@code today}: what a waiver's expiry is compared with. */
    public LocalDate date() {
        return LocalDate.ofInstant(evaluatedAt, ZoneOffset.UTC);
    }

    /**
     * This evaluation with {@code waivers} applied in place of any applied before: a finding is waived by a waiver
     * for the declaration's product and the finding's rule (and its activity, when the waiver names one) whose
     * expiry is on or after {@link #date()}. Waivers for other products are ignored; expired waivers that would
     * have waived a finding left open are listed in {@link #expiredWaivers()}. Nothing else changes: the rules do
     * not run again.
     */
    public Evaluation withWaivers(List<Waiver> waivers) {
        String productId = declaration.model() == null || declaration.model().product() == null ? null
                : declaration.model().product().id();
        LocalDate date = date();
        List<Finding> applied = new ArrayList<>(findings.size());
        Set<Waiver> expired = new LinkedHashSet<>();
        for (Finding finding : findings) {
            List<Waiver> matching = productId == null ? List.of()
                    : waivers.stream().filter(w -> w.matches(productId, finding)).toList();
            Waiver active = matching.stream().filter(w -> w.activeOn(date)).min(PREFERRED).orElse(null);
            if (active == null) {
                matching.stream().filter(w -> !w.activeOn(date)).forEach(expired::add);
            }
            applied.add(finding.withWaiver(active));
        }
        return new Evaluation(declaration, ruleSet, rulesEvaluated, applied, evaluatedAt, List.copyOf(expired));
    }
}
