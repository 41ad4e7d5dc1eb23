package org.tcentre.gdpr.submission;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tcentre.gdpr.evaluation.Finding;

/**
 * What changed in the findings between two versions of a product's declaration.
 *
 * <p>Two findings are the same when the same rule reports the same field of the same activity. The activity
 * is named by its id, not its position, so moving an activity in the list changes nothing.
 *
 * @param newFindings findings of {@code to} that {@code from} did not have
 * @param resolved    findings of {@code from} that {@code to} no longer has
 * @param unchanged   findings both have (as {@code to} reports them)
 */
@JsonPropertyOrder({"productId", "from", "to", "new", "resolved", "unchanged"})
public record FindingsDiff(String productId, UUID from, UUID to,
                           @com.fasterxml.jackson.annotation.JsonProperty("new") List<Finding> newFindings,
                           List<Finding> resolved, List<Finding> unchanged) {

    private static final Pattern ACTIVITY = Pattern.compile("^/activities/\\d+(?=/|$)");

    static FindingsDiff of(String productId, UUID from, List<Finding> before, UUID to, List<Finding> after) {
        Map<String, Finding> old = index(before);
        Map<String, Finding> now = index(after);
        List<Finding> added = new ArrayList<>();
        List<Finding> unchanged = new ArrayList<>();
        now.forEach((key, finding) -> (old.containsKey(key) ? unchanged : added).add(finding));
        List<Finding> resolved = old.entrySet().stream().filter(e -> !now.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
        return new FindingsDiff(productId, from, to, sorted(added), sorted(resolved), sorted(unchanged));
    }

    /**
     * A finding's identity across two evaluations: rule, activity id and the pointer with the activity's position
     * replaced by its id. Public because the impact preview ({@code impact.ImpactPreview}) compares findings the
     * same way.
     */
    public static String key(Finding finding) {
        String pointer = finding.pointer() == null ? "" : finding.pointer();
        Matcher activity = ACTIVITY.matcher(pointer);
        if (activity.find() && finding.activityId() != null) {
            pointer = "/activities/" + finding.activityId() + pointer.substring(activity.end());
        }
        return finding.ruleId() + "\u0000" + finding.activityId() + "\u0000" + pointer;
    }

    private static Map<String, Finding> index(List<Finding> findings) {
        Map<String, Finding> map = new LinkedHashMap<>();
        findings.forEach(f -> map.putIfAbsent(key(f), f));
        return map;
    }

    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Finding.REPORT_ORDER).toList();
    }
}
