package org.tcentre.gdpr.impact;

import java.util.Locale;
import org.tcentre.gdpr.impact.ImpactReport.DeclarationImpact;
import org.tcentre.gdpr.impact.ImpactReport.FindingRef;
import org.tcentre.gdpr.impact.ImpactReport.ProductImpact;
import org.tcentre.gdpr.impact.ImpactReport.SeverityChange;
import org.tcentre.gdpr.impact.ImpactReport.Summary;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** An impact report as text for people (what {@code rules diff} prints) or as JSON (the same as the API answers). */
public final class ImpactReportWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ImpactReportWriter() {
    }

    public static String json(ImpactReport report) {
        return JSON.writeValueAsString(report) + "\n";
    }

    public static String text(ImpactReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Impact of the candidate rule set ").append(name(report.candidate()))
                .append(" against the current ").append(name(report.current())).append('\n');
        out.append("Declarations: ").append(report.source()).append("\n\n");
        if (report.products().isEmpty()) {
            out.append("No finding would appear, disappear or change severity.\n\n");
        }
        for (ProductImpact product : report.products()) {
            out.append(product.productId()).append('\n');
            for (DeclarationImpact declaration : product.declarations()) {
                out.append("  declaration ").append(declaration.declaration());
                if (declaration.productVersion() != null) {
                    out.append(" (version ").append(declaration.productVersion()).append(')');
                }
                out.append('\n');
                declaration.appearing().forEach(f -> line(out, '+', f));
                declaration.disappearing().forEach(f -> line(out, '-', f));
                for (SeverityChange change : declaration.severityChanged()) {
                    out.append(String.format(Locale.ROOT, "    ~ %-8s  %-9s %s  %s (was %s)%n", change.to(),
                            change.ruleId(), change.pointer(), change.title(), change.from()));
                }
            }
            out.append('\n');
        }
        if (!report.errors().isEmpty()) {
            out.append("Not evaluated (").append(report.summary().errors()).append("):\n");
            report.errors().forEach(e -> out.append("  ").append(e.declaration()).append(": ").append(e.problem()).append('\n'));
            if (report.summary().errors() > report.errors().size()) {
                out.append("  ... and ").append(report.summary().errors() - report.errors().size()).append(" more\n");
            }
            out.append('\n');
        }
        out.append(summaryLine(report.summary())).append('\n');
        return out.toString();
    }

    /** {@code 100,000 declarations, 3 products changed, +4 findings, -1 findings, 2 severity changes, 0 errors, in 41.2 s (2,427/s)} */
    public static String summaryLine(Summary s) {
        return String.format(Locale.ROOT, "%,d declarations, %,d products changed, +%,d findings, -%,d findings, "
                        + "%,d severity changes, %,d errors, in %.1f s (%,d/s)", s.declarations(), s.productsChanged(),
                s.appearing(), s.disappearing(), s.severityChanged(), s.errors(), s.seconds(), s.declarationsPerSecond());
    }

    private static void line(StringBuilder out, char sign, FindingRef f) {
        out.append(String.format(Locale.ROOT, "    %c %-8s  %-9s %s  %s%n", sign, f.severity(), f.ruleId(), f.pointer(), f.title()));
    }

    private static String name(ImpactReport.RuleSetRef ruleSet) {
        return ruleSet.name() + " " + ruleSet.version() + " (sha256 " + ruleSet.sha256().substring(0, 12) + ")";
    }
}
