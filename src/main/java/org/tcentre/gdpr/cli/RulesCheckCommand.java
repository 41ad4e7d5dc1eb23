package org.tcentre.gdpr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleProfile;
import org.tcentre.gdpr.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gdpr-checker rules check}: compiles and validates a rule set without a declaration, and lists it. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compiles and validates a rule set (DRL, metadata, parameters) and lists its rules.")
final class RulesCheckCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "Rule-set directory (default: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--markdown", description = "Print the rule table as Markdown (the table in docs/rules.md).")
    boolean markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleSet ruleSet = RuleSets.load(rules, spec.commandLine().getErr());
        if (ruleSet == null) {
            return ExitCodes.RULE_SET_ERROR;
        }
        if (markdown) {
            out.print(markdownTable(ruleSet));
            return ExitCodes.OK;
        }
        out.println("Rule set " + ruleSet.identity().name() + " " + ruleSet.identity().version()
                + " is valid: " + ruleSet.allRules().size() + " rules, sha256 " + ruleSet.identity().sha256());
        out.println();
        out.println(String.format(Locale.ROOT, "%-9s %-8s %-4s %-45s %s", "RULE", "SEVERITY", "AREA", "ARTICLES", "TITLE"));
        for (RuleInfo rule : ruleSet.allRules()) {
            out.println(String.format(Locale.ROOT, "%-9s %-8s %-4s %-45s %s", rule.id(), rule.severity(),
                    rule.practiceArea(), String.join("; ", rule.articles()), rule.title()
                            + (ruleSet.inForce(rule.id()) ? "" : " (disabled)")));
        }
        for (RuleProfile profile : ruleSet.profiles()) {
            out.println();
            out.println("Profile " + profile.name() + (profile.appliesTo().isEmpty() ? " (chosen by name)"
                    : " (applied to declarations with " + String.join(", ",
                    profile.appliesTo().stream().map(k -> k.code()).toList()) + " data)") + ": " + profile.description());
            profile.disable().forEach(id -> out.println("  disables " + id));
            profile.enable().forEach(id -> out.println("  enables  " + id));
            new java.util.TreeMap<>(profile.severity()).forEach((id, severity) -> out.println("  " + id + " "
                    + ruleSet.rule(id).severity() + " -> " + severity));
        }
        return ExitCodes.OK;
    }

    /** The rule table of docs/rules.md, ordered by practice area, then id. */
    static String markdownTable(RuleSet ruleSet) {
        StringBuilder table = new StringBuilder("| id | title | articles | severity | area | law |\n|---|---|---|---|---|---|\n");
        ruleSet.allRules().stream()
                .sorted(java.util.Comparator.comparing(RuleInfo::practiceArea).thenComparing(RuleInfo::id))
                .forEach(rule -> table.append("| ").append(rule.id())
                        .append(" | ").append(rule.title().replace("|", "\\|"))
                        .append(" | ").append(String.join("; ", rule.articles()))
                        .append(" | ").append(rule.severity())
                        .append(" | ").append(rule.practiceArea()).append(' ').append(rule.practiceArea().title())
                        .append(" | ").append(rule.law()).append(" |\n"));
        return table.toString();
    }
}
