package org.tcentre.gdpr.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.evaluation.Waiver;
import org.tcentre.gdpr.rules.Severity;
import org.tcentre.gdpr.report.Report;

/**
 * The readable summary {@code check} prints: verdict, counts by severity, one line per finding. Waived findings
 * are listed after the open ones, marked WAIVED with the waiver's id, approver and expiry; they are counted apart
 * and never make the exit code 1.
 */
final class Summary {

    private Summary() {
    }

    static void print(Report report, Severity failOn, PrintWriter out) {
        var subject = report.subject();
        out.println("GDPR check of " + report.declaration().id()
                + (subject.productName() == null ? "" : " (" + subject.productName()
                + (subject.productVersion() == null ? "" : " " + subject.productVersion()) + ")"));
        out.println("Rule set " + report.ruleSet().name() + " " + report.ruleSet().version()
                + (report.ruleSet().profile() == null ? "" : ", profile " + report.ruleSet().profile()) + " ("
                + report.ruleSet().rules() + " rules, sha256 " + report.ruleSet().sha256().substring(0, 12) + "...)"
                + "; declaration sha256 " + report.declaration().sha256().substring(0, 12) + "...");
        out.println();
        out.println("Verdict: " + report.verdict().label().toUpperCase(Locale.ROOT));
        out.println("Findings: " + report.countsBySeverity().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
        List<Finding> waived = report.waivedFindings();
        if (!waived.isEmpty()) {
            out.println("Waived: " + waived.size() + " finding" + (waived.size() == 1 ? "" : "s")
                    + " accepted as a risk (listed below; not counted above)");
        }
        if (!report.findings().isEmpty()) {
            out.println();
            int ruleWidth = report.findings().stream().mapToInt(f -> f.ruleId().length()).max().orElse(8);
            int articleWidth = Math.min(28, report.findings().stream().mapToInt(f -> articles(f).length()).max().orElse(10));
            int activityWidth = Math.min(24, report.findings().stream().mapToInt(f -> activity(f).length()).max().orElse(10));
            List<Finding> listed = new ArrayList<>(report.openFindings());
            listed.addAll(waived);
            for (Finding f : listed) {
                out.println(String.format(Locale.ROOT, "%-8s  %-" + ruleWidth + "s  %-" + articleWidth + "s  %-" + activityWidth + "s  %s",
                        f.severity(), f.ruleId(), articles(f), activity(f), f.pointer()));
                out.println(" ".repeat(10) + f.title());
                if (f.waived()) {
                    out.println(" ".repeat(10) + "WAIVED by " + f.waiver().id() + ", approved by " + f.waiver().approver()
                            + ", until " + f.waiver().expires() + ": " + f.waiver().justification());
                }
            }
        }
        for (Waiver expired : report.expiredWaivers()) {
            out.println();
            out.println("Expired waiver " + expired.id() + " (" + expired.ruleId()
                    + (expired.activityId() == null ? "" : ", activity " + expired.activityId()) + ", approved by "
                    + expired.approver() + ") ended on " + expired.expires() + ": its findings are open again.");
        }
        long failing = report.openFindings().stream().filter(f -> f.severity().atLeast(failOn)).count();
        out.println();
        out.println(failing == 0
                ? "No finding at or above " + failOn + "."
                : failing + " finding" + (failing == 1 ? "" : "s") + " at or above " + failOn + ": exit code 1.");
    }

    /** The primary article, which is what a reader scans for; the full list is in the reports. */
    private static String articles(Finding f) {
        return f.articles().isEmpty() ? "" : f.articles().get(0) + (f.articles().size() > 1 ? " +" + (f.articles().size() - 1) : "");
    }

    private static String activity(Finding f) {
        return f.activityId() == null ? "(product)" : f.activityId();
    }
}
