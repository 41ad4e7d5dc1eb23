package org.tcentre.gdpr.report;

import org.tcentre.gdpr.declaration.Sha256;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.PointerLocator;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.rules.PracticeArea;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.Severity;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Report} as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the format
 * GitHub code scanning, GitLab, Azure DevOps and IDE viewers read, so that findings show inline on the
 * declaration file in a pull request. The mapping is documented in {@code docs/report-format.md}, section
 * "SARIF".
 *
 * <p>One run; {@code tool.driver.rules} lists every rule that was evaluated (not only those that fired), one
 * result per finding, located on the declaration's line and column by {@link PointerLocator}. Like the JSON
 * report, the tree is built property by property, so the same report always gives the same bytes.
 */
public final class SarifReportWriter {

    public static final String SARIF_VERSION = "2.1.0";
    /** The final OASIS SARIF 2.1.0 schema (with errata 01), as SARIF validators expect {@code $schema} to name it. */
    public static final String SARIF_SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public static final String TOOL_NAME = "gdpr-checker";
    public static final String INFORMATION_URI = "https://tcentre.org/gdpr-checker";
    /** The key of the one partial fingerprint every result carries; "/v1" changes if the recipe ever does. */
    public static final String FINGERPRINT_KEY = "gdprFindingHash/v1";

    private static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$");
    private static final Pattern ACTIVITY_POINTER = Pattern.compile("^/activities/(\\d+)(/.*)?$");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    // As the JSON report: two-space indentation and "\n" on every OS.
    private static final ObjectWriter WRITER = MAPPER.writer().with(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private final String toolVersion;

    /** The checker's version from the jar manifest, or "development" when run from classes. */
    public SarifReportWriter() {
        this(SarifReportWriter.class.getPackage().getImplementationVersion());
    }

    /** @param toolVersion the checker's version; {@code null} for "development" */
    public SarifReportWriter(String toolVersion) {
        this.toolVersion = toolVersion == null || toolVersion.isBlank() ? "development" : toolVersion.strip();
    }

    /**
     * The SARIF log, as pretty-printed UTF-8 JSON ending with a newline.
     *
     * @param report      the report to write
     * @param declaration the declaration the report is about, for its exact bytes and format (results are
     *                    located on its lines); {@code null} or empty bytes: results carry the file but no region
     * @param artifactUri how the declaration file is named in the log: a URI reference relative to the
     *                    repository root, such as {@code docs/examples/fitness-tracker.yaml}, which is what
     *                    GitHub code scanning needs to show results on the file (see
     *                    {@link #artifactUri(Path, Path)}); {@code null}: the report's declaration source
     */
    public byte[] write(Report report, DeclarationDocument declaration, String artifactUri) {
        String json = WRITER.writeValueAsString(log(report, declaration, artifactUri)) + "\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code file} as a SARIF artifact URI: relative to {@code base} (normally the repository root, or the
     * working directory) with "/" separators and percent-encoding, such as {@code docs/examples/a%20b.yaml};
     * an absolute {@code file:} URI when the file is not under {@code base}.
     */
    public static String artifactUri(Path file, Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        if (!absolute.startsWith(root) || absolute.equals(root)) {
            return absolute.toUri().toASCIIString();
        }
        List<String> segments = new ArrayList<>();
        root.relativize(absolute).forEach(segment -> segments.add(segment.toString()));
        String path = String.join("/", segments);
        try {
            String encoded = new URI(null, null, path, null).toASCIIString();
            // A first segment with ':' would read as a scheme.
            return segments.get(0).contains(":") ? "./" + encoded : encoded;
        } catch (URISyntaxException e) {
            return absolute.toUri().toASCIIString();
        }
    }

    /** {@code text} if it is a URI reference already, otherwise it as a path, with "/" separators and percent-encoded. */
    private static String uriReference(String text) {
        try {
            return new URI(text).toASCIIString();
        } catch (URISyntaxException notYet) {
            try {
                return new URI(null, null, text.replace('\\', '/'), null).toASCIIString();
            } catch (URISyntaxException e) {
                return "declaration";
            }
        }
    }

    /** The SARIF level of a severity: CRITICAL and HIGH are errors, MEDIUM a warning, LOW and INFO notes. */
    public static String level(Severity severity) {
        if (severity == null) {
            return "warning";
        }
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    private ObjectNode log(Report report, DeclarationDocument declaration, String artifactUri) {
        String uri = uriReference(artifactUri != null && !artifactUri.isBlank() ? artifactUri
                : report.declaration().source() != null ? report.declaration().source() : "declaration");
        PointerLocator locator = declaration == null || declaration.bytes() == null || declaration.bytes().length == 0
                ? null : PointerLocator.of(declaration.bytes(), declaration.format());

        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SARIF_SCHEMA);
        root.put("version", SARIF_VERSION);
        ObjectNode run = root.putArray("runs").addObject();

        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL_NAME);
        driver.put("fullName", "GDPR compliance checker " + toolVersion);
        driver.put("informationUri", INFORMATION_URI);
        driver.put("version", toolVersion);
        if (SEMVER.matcher(toolVersion).matches()) {
            driver.put("semanticVersion", toolVersion);
        }
        ArrayNode rules = driver.putArray("rules");
        for (RuleInfo rule : report.rulesEvaluated()) {
            if (ruleIndex.putIfAbsent(rule.id(), ruleIndex.size()) == null) {
                rule(rules.addObject(), rule);
            }
        }

        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        if (report.generatedAt() != null) {
            invocation.put("endTimeUtc", report.generatedAt().toString());
        }

        if (report.declaration().id() != null) {
            // GitHub code scanning keeps one analysis per category: one per declaration, so two don't overwrite.
            run.putObject("automationDetails").put("id", TOOL_NAME + "/" + report.declaration().id() + "/");
        }

        ObjectNode artifact = run.putArray("artifacts").addObject();
        artifact.putObject("location").put("uri", uri);
        if (declaration != null && declaration.bytes() != null && declaration.bytes().length > 0) {
            artifact.put("length", declaration.bytes().length);
        }
        artifact.putArray("roles").add("analysisTarget");
        String format = report.declaration().format();
        if ("yaml".equals(format) || "json".equals(format)) {
            artifact.put("mimeType", "yaml".equals(format) ? "application/yaml" : "application/json");
            artifact.put("sourceLanguage", format);
        }
        if (report.declaration().sha256() != null) {
            artifact.putObject("hashes").put("sha-256", report.declaration().sha256());
        }

        ArrayNode results = run.putArray("results");
        for (Finding finding : report.findings()) {
            result(results.addObject(), finding, ruleIndex.get(finding.ruleId()), uri, locator,
                    declaration == null ? null : declaration.tree());
        }

        run.put("columnKind", "utf16CodeUnits");

        ObjectNode properties = run.putObject("properties");
        properties.put("reportId", report.reportId());
        properties.put("verdict", report.verdict().name());
        if (!report.expiredWaivers().isEmpty()) {
            ArrayNode expired = properties.putArray("expiredWaivers");
            report.expiredWaivers().forEach(w -> {
                ObjectNode waiver = expired.addObject();
                waiver.put("id", w.id());
                waiver.put("ruleId", w.ruleId());
                putPresent(waiver, "activityId", w.activityId());
                waiver.put("approver", w.approver());
                waiver.put("expires", w.expires().toString());
            });
        }
        ObjectNode declared = properties.putObject("declaration");
        putPresent(declared, "id", report.declaration().id());
        putPresent(declared, "sha256", report.declaration().sha256());
        ObjectNode ruleSet = properties.putObject("ruleSet");
        putPresent(ruleSet, "name", report.ruleSet().name());
        putPresent(ruleSet, "version", report.ruleSet().version());
        putPresent(ruleSet, "sha256", report.ruleSet().sha256());
        putPresent(ruleSet, "profile", report.ruleSet().profile());
        return root;
    }

    private static void rule(ObjectNode node, RuleInfo rule) {
        String title = rule.title() == null ? rule.id() : rule.title();
        node.put("id", rule.id());
        node.put("name", pascalCase(title, rule.id()));
        node.putObject("shortDescription").put("text", title);
        node.putObject("fullDescription").put("text", rule.explanation() != null ? rule.explanation() : title);
        ObjectNode help = node.putObject("help");
        help.put("text", helpText(rule));
        help.put("markdown", helpMarkdown(rule));
        node.putObject("defaultConfiguration").put("level", level(rule.severity()));
        ObjectNode properties = node.putObject("properties");
        strings(properties.putArray("articles"), rule.articles());
        putPresent(properties, "practiceArea", rule.practiceArea() == null ? null : rule.practiceArea().name());
        putPresent(properties, "severity", rule.severity() == null ? null : rule.severity().name());
        putPresent(properties, "law", rule.law());
        ArrayNode tags = properties.putArray("tags");
        for (String tag : new String[] {"privacy", "compliance", rule.law(),
                rule.practiceArea() == null ? null : rule.practiceArea().name()}) {
            if (tag != null && !tags.valueStream().anyMatch(t -> t.asString().equals(tag))) {
                tags.add(tag);
            }
        }
    }

    private static void result(ObjectNode node, Finding finding, Integer ruleIndex, String uri, PointerLocator locator,
                               JsonNode tree) {
        node.put("ruleId", finding.ruleId());
        if (ruleIndex != null) {
            node.put("ruleIndex", ruleIndex);
        }
        node.put("level", level(finding.severity()));
        node.putObject("message").put("text", finding.explanation() != null ? finding.explanation()
                : finding.title() != null ? finding.title() : finding.ruleId());

        ObjectNode location = node.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri);
        artifact.put("index", 0);
        PointerLocator.Location at = locator == null ? null : locator.locate(finding.pointer());
        if (at != null) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", at.line());
            region.put("startColumn", at.column());
        }
        ArrayNode logical = location.putArray("logicalLocations");
        String pointer = finding.pointer() == null ? "" : finding.pointer();
        ObjectNode field = logical.addObject();
        if (!pointer.isEmpty()) {
            field.put("name", unescape(pointer.substring(pointer.lastIndexOf('/') + 1)));
        }
        field.put("fullyQualifiedName", pointer);
        field.put("kind", pointer.isEmpty() ? "object" : pointer.matches(".*/\\d+$") ? "element" : "property");
        if (finding.activityId() != null) {
            ObjectNode activity = logical.addObject();
            activity.put("name", finding.activityId());
            String activityPointer = activityPointer(finding, tree);
            if (activityPointer != null) {
                activity.put("fullyQualifiedName", activityPointer);
            }
            activity.put("kind", "object");
        }

        node.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint(finding));

        if (finding.waiver() != null) {
            // SARIF's own word for an accepted risk: an external suppression, accepted, with its justification.
            // Viewers (GitHub code scanning among them) show such a result as dismissed, not as fixed or hidden.
            ObjectNode suppression = node.putArray("suppressions").addObject();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            suppression.put("justification", finding.waiver().justification());
            ObjectNode waiver = suppression.putObject("properties");
            waiver.put("waiverId", finding.waiver().id());
            waiver.put("approver", finding.waiver().approver());
            waiver.put("expires", finding.waiver().expires().toString());
        }

        ObjectNode properties = node.putObject("properties");
        putPresent(properties, "severity", finding.severity() == null ? null : finding.severity().name());
        putPresent(properties, "practiceArea", finding.practiceArea() == null ? null : finding.practiceArea().name());
        strings(properties.putArray("articles"), finding.articles());
        putPresent(properties, "evidence", finding.evidence());
        putPresent(properties, "law", finding.law());
        putPresent(properties, "guidance", finding.guidance());
    }

    /**
     * SHA-256 of the rule id and the pointer, with the activity's position replaced by its id
     * ({@code /activities/2/legalBasis} of activity "analytics" hashes as {@code activity:analytics/legalBasis}),
     * so a finding keeps its identity across runs even when activities are added, removed or reordered.
     */
    static String fingerprint(Finding finding) {
        String pointer = finding.pointer() == null ? "" : finding.pointer();
        Matcher matcher = ACTIVITY_POINTER.matcher(pointer);
        String stable = finding.activityId() != null && matcher.matches()
                ? "activity:" + finding.activityId() + (matcher.group(2) == null ? "" : matcher.group(2))
                : pointer;
        return sha256(finding.ruleId() + "|" + stable);
    }

    /** The activity's own pointer: from the finding's pointer, or by finding the activity's id in the declaration. */
    private static String activityPointer(Finding finding, JsonNode tree) {
        Matcher matcher = ACTIVITY_POINTER.matcher(finding.pointer() == null ? "" : finding.pointer());
        if (matcher.matches()) {
            return "/activities/" + matcher.group(1);
        }
        JsonNode activities = tree == null ? null : tree.get("activities");
        if (activities != null && activities.isArray()) {
            for (int i = 0; i < activities.size(); i++) {
                JsonNode id = activities.get(i).get("id");
                if (id != null && finding.activityId().equals(id.asString())) {
                    return "/activities/" + i;
                }
            }
        }
        return null;
    }

    private static String helpText(RuleInfo rule) {
        StringBuilder text = new StringBuilder();
        text.append("Articles: ").append(String.join("; ", rule.articles()));
        if (rule.law() != null) {
            text.append(" (").append(rule.law()).append(')');
        }
        text.append('\n');
        if (rule.practiceArea() != null) {
            text.append("Practice area: ").append(areaName(rule.practiceArea())).append('\n');
        }
        if (rule.severity() != null) {
            text.append("Severity: ").append(rule.severity().name()).append('\n');
        }
        if (rule.explanation() != null) {
            text.append("Why: ").append(rule.explanation()).append('\n');
        }
        if (rule.remediation() != null) {
            text.append("Remediation: ").append(rule.remediation()).append('\n');
        }
        if (rule.guidance() != null) {
            text.append("Guidance: ").append(rule.guidance()).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static String helpMarkdown(RuleInfo rule) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("**Articles:** " + markdown(String.join("; ", rule.articles()))
                + (rule.law() == null ? "" : " (" + markdown(rule.law()) + ")"));
        if (rule.practiceArea() != null) {
            paragraphs.add("**Practice area:** " + markdown(areaName(rule.practiceArea())));
        }
        if (rule.severity() != null) {
            paragraphs.add("**Severity:** " + rule.severity().name());
        }
        if (rule.explanation() != null) {
            paragraphs.add("**Why:** " + markdown(rule.explanation()));
        }
        if (rule.remediation() != null) {
            paragraphs.add("**Remediation:** " + markdown(rule.remediation()));
        }
        if (rule.guidance() != null) {
            paragraphs.add("**Guidance:** " + markdown(rule.guidance()));
        }
        return String.join("\n\n", paragraphs);
    }

    private static String areaName(PracticeArea area) {
        return area.name() + " — " + area.title();
    }

    /** "Legitimate interests without a balancing test" → "LegitimateInterestsWithoutABalancingTest". */
    static String pascalCase(String title, String fallback) {
        StringBuilder name = new StringBuilder();
        for (String word : title.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                name.appendCodePoint(Character.toUpperCase(word.codePointAt(0)))
                        .append(word.substring(Character.charCount(word.codePointAt(0))));
            }
        }
        return name.isEmpty() ? fallback : name.toString();
    }

    /** Escapes the characters Markdown would read as markup. */
    private static String markdown(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_{}[]<>#|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    /** SARIF leaves out what is unknown rather than writing null. */
    private static void putPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        if (values != null) {
            values.forEach(array::add);
        }
    }

    private static String sha256(String text) {
        return Sha256.hex(text);
    }
}
