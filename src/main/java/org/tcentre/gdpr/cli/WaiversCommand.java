package org.tcentre.gdpr.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.tcentre.gdpr.system.AdminContext;
import org.tcentre.gdpr.waiver.StoredWaiver;
import org.tcentre.gdpr.waiver.Waivers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gdpr-checker waivers add|list|revoke}: the service's waivers, managed from the operator's shell against
 * the same database as {@code serve} (like {@code users}). Every add and revoke is in the audit trail, by
 * {@code cli:<os user>}. For offline use, {@code check --waivers FILE} reads waivers from a file instead.
 */
@Command(name = "waivers", mixinStandardHelpOptions = true,
        description = "Manages the service's waivers: accepted-risk exceptions for a product and rule (see docs/waivers.md).",
        subcommands = {WaiversCommand.Add.class, WaiversCommand.ListWaivers.class, WaiversCommand.Revoke.class})
final class WaiversCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Grants a waiver and prints its id (alone, for scripts); audited as waiver.added.",
                "It applies to later evaluations of the product up to and including the --expires date."})
    static final class Add implements Callable<Integer> {

        @Option(names = "--product", paramLabel = "PRODUCT_ID", required = true, description = "The declaration's product.id.")
        String product;

        @Option(names = "--rule", paramLabel = "RULE_ID", required = true, description = "The rule whose findings it waives, e.g. SEC-006.")
        String rule;

        @Option(names = "--activity", paramLabel = "ACTIVITY_ID", description = "Only this activity's findings (default: every activity).")
        String activity;

        @Option(names = "--justification", paramLabel = "TEXT", required = true, description = "Why the risk is accepted.")
        String justification;

        @Option(names = "--approver", paramLabel = "NAME", required = true, description = "Who accepted it.")
        String approver;

        @Option(names = "--expires", paramLabel = "DATE", required = true,
                description = "The last day it applies (YYYY-MM-DD, UTC, inclusive); not in the past.")
        LocalDate expires;

        @CommandLine.Mixin
        UsersCommand.Database database = new UsersCommand.Database();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = AdminContext.open(database.arguments())) {
                StoredWaiver added = context.getBean(Waivers.class).add(new Waivers.Request(product, rule, activity,
                        justification, approver, expires), UsersCommand.operator());
                spec.commandLine().getOut().println(added.id());
                return ExitCodes.OK;
            } catch (Waivers.InvalidWaiverException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("cannot add the waiver:");
                e.problems().forEach(p -> err.println("  " + option(p.field()) + ": " + p.message()));
                return ExitCodes.INVALID_INPUT;
            }
        }

        /** The option a field comes from, so the message names what the user typed. */
        private static String option(String field) {
            return switch (field) {
                case "productId" -> "--product";
                case "ruleId" -> "--rule";
                case "activityId" -> "--activity";
                default -> "--" + field;
            };
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists waivers with their status (ACTIVE, EXPIRED, REVOKED): id, product, rule, activity, expiry, approver.")
    static final class ListWaivers implements Callable<Integer> {

        @Option(names = "--product", paramLabel = "PRODUCT_ID", description = "Only this product's waivers.")
        String product;

        @CommandLine.Mixin
        UsersCommand.Database database = new UsersCommand.Database();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (var context = AdminContext.open(database.arguments())) {
                Waivers waivers = context.getBean(Waivers.class);
                List<StoredWaiver> listed = product == null ? waivers.list(null) : waivers.forProduct(product, null);
                if (listed.isEmpty()) {
                    out.println("No waivers" + (product == null ? "." : " for " + product + "."));
                }
                for (StoredWaiver w : listed) {
                    out.printf("%-40s %-8s %-20s %-9s %-20s %s  %s%n", w.id(), w.status(), w.productId(), w.ruleId(),
                            w.activityId() == null ? "(every activity)" : w.activityId(), w.expires(), w.approver());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revokes a waiver: it stays listed as REVOKED and no longer applies to later evaluations;",
                "evaluations made while it applied keep it. Audited as waiver.revoked."})
    static final class Revoke implements Callable<Integer> {

        @Parameters(paramLabel = "WAIVER_ID", description = "The id 'waivers add' printed.")
        String id;

        @CommandLine.Mixin
        UsersCommand.Database database = new UsersCommand.Database();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = AdminContext.open(database.arguments())) {
                var revoked = context.getBean(Waivers.class).revoke(id, UsersCommand.operator());
                if (revoked.isEmpty()) {
                    spec.commandLine().getErr().println("there is no waiver " + id);
                    return ExitCodes.INVALID_INPUT;
                }
                StoredWaiver w = revoked.get();
                spec.commandLine().getOut().println("Revoked " + w.id() + " (" + w.productId() + ", " + w.ruleId()
                        + ") by " + w.revokedBy() + " at " + w.revokedAt() + ".");
                return ExitCodes.OK;
            }
        }
    }
}
