package org.tcentre.gdpr.impact;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.rules.RuleSetIdentity;
import org.tcentre.gdpr.rules.Severity;

/**
 * What a candidate rule set would change, compared with the current one, over a set of declarations: per product,
 * the findings that would appear, disappear or change severity, and the totals. Only declarations whose findings
 * change are listed; the others are counted.
 *
 * @param source   which declarations were re-evaluated, in words ("the latest declaration of each product ...")
 * @param products every product with at least one change, ordered by product id
 * @param errors   declarations that could not be read or evaluated, ordered by declaration; at most
 *                 {@link ImpactPreview#MAX_LISTED_ERRORS} are listed, {@code summary.errors} counts them all
 */
@JsonPropertyOrder({"current", "candidate", "source", "summary", "products", "errors"})
public record ImpactReport(RuleSetRef current, RuleSetRef candidate, String source, Summary summary,
                           List<ProductImpact> products, List<DeclarationError> errors) {

    public ImpactReport {
        products = List.copyOf(products);
        errors = List.copyOf(errors);
    }

    /** A rule set as the report names it. */
    @JsonPropertyOrder({"name", "version", "sha256"})
    public record RuleSetRef(String name, String version, String sha256) {
        static RuleSetRef of(RuleSetIdentity identity) {
            return new RuleSetRef(identity.name(), identity.version(), identity.sha256());
        }
    }

    /**
     * The totals of a run.
     *
     * @param declarations     declarations handed over by the source, errors included
     * @param products         distinct products among the declarations that were read
     * @param productsChanged  products with at least one change
     * @param appearing        findings the candidate reports and the current rule set does not
     * @param disappearing     findings the current rule set reports and the candidate does not
     * @param severityChanged  findings both report, with another severity
     * @param errors           declarations that could not be read or evaluated
     * @param seconds          wall time of the whole run
     * @param timings          where the time went
     */
    @JsonPropertyOrder({"declarations", "products", "productsChanged", "appearing", "disappearing", "severityChanged",
        "errors", "seconds", "declarationsPerSecond", "timings"})
    public record Summary(long declarations, long products, long productsChanged, long appearing, long disappearing,
                          long severityChanged, long errors, double seconds, long declarationsPerSecond, Timings timings) {

        static Summary of(long declarations, long products, long productsChanged, long appearing, long disappearing,
                          long severityChanged, long errors, double seconds, Timings timings) {
            long perSecond = seconds <= 0 ? declarations : Math.round(declarations / seconds);
            return new Summary(declarations, products, productsChanged, appearing, disappearing, severityChanged, errors,
                    millis(seconds), perSecond, timings);
        }
    }

    /** Seconds to the millisecond: what a reader needs, without the noise. */
    static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /**
     * Seconds spent in each phase. {@code fetch} is the one thread handing declarations over (database or files);
     * {@code read} (bytes to model) and {@code evaluate} (both rule sets and the diff) are summed over the workers,
     * so with two workers they add up to about twice the wall time. {@code workersCpu} is the CPU time the workers
     * used: unlike wall time it does not grow when other processes share the machine.
     */
    @JsonPropertyOrder({"workers", "fetch", "read", "evaluate", "workersCpu"})
    public record Timings(int workers, double fetch, double read, double evaluate, double workersCpu) {

        static Timings of(int workers, long fetchNanos, long readNanos, long evaluateNanos, long cpuNanos) {
            return new Timings(workers, millis(fetchNanos / 1e9), millis(readNanos / 1e9), millis(evaluateNanos / 1e9),
                    millis(cpuNanos / 1e9));
        }
    }

    /** One product's changes: one entry per declaration of it that changes (one, unless every version was asked for). */
    @JsonPropertyOrder({"productId", "declarations"})
    public record ProductImpact(String productId, List<DeclarationImpact> declarations) {

        public ProductImpact {
            declarations = List.copyOf(declarations);
        }
    }

    /**
     * What changes for one declaration.
     *
     * @param declaration the stored declaration's id (UUID), or the file's path relative to the folder
     */
    @JsonPropertyOrder({"declaration", "productId", "productVersion", "appearing", "disappearing", "severityChanged"})
    public record DeclarationImpact(String declaration, String productId, String productVersion,
                                    List<FindingRef> appearing, List<FindingRef> disappearing,
                                    List<SeverityChange> severityChanged) {

        static final Comparator<DeclarationImpact> ORDER = Comparator.comparing(DeclarationImpact::declaration);

        public DeclarationImpact {
            appearing = List.copyOf(appearing);
            disappearing = List.copyOf(disappearing);
            severityChanged = List.copyOf(severityChanged);
        }

        boolean changes() {
            return !appearing.isEmpty() || !disappearing.isEmpty() || !severityChanged.isEmpty();
        }
    }

    /** A finding, reduced to what identifies it and what a reader scans for. */
    @JsonPropertyOrder({"ruleId", "severity", "activityId", "pointer", "title"})
    public record FindingRef(String ruleId, Severity severity, String activityId, String pointer, String title) {

        /** Most severe first, then rule id and pointer: the report order. */
        static final Comparator<FindingRef> ORDER = Comparator.comparing(FindingRef::severity)
                .thenComparing(FindingRef::ruleId).thenComparing(FindingRef::pointer);

        static FindingRef of(Finding finding) {
            return new FindingRef(finding.ruleId(), finding.severity(), finding.activityId(), finding.pointer(), finding.title());
        }
    }

    /** The same finding (same rule, activity and field) reported with another severity by the candidate. */
    @JsonPropertyOrder({"ruleId", "from", "to", "activityId", "pointer", "title"})
    public record SeverityChange(String ruleId, Severity from, Severity to, String activityId, String pointer, String title) {

        static final Comparator<SeverityChange> ORDER = Comparator.comparing(SeverityChange::ruleId)
                .thenComparing(SeverityChange::pointer);
    }

    /** A declaration that could not be read or evaluated: counted and listed, never a reason to stop. */
    @JsonPropertyOrder({"declaration", "problem"})
    public record DeclarationError(String declaration, String problem) {

        static final Comparator<DeclarationError> ORDER = Comparator.comparing(DeclarationError::declaration);
    }
}
