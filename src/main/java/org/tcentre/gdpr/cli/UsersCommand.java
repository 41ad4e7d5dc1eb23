package org.tcentre.gdpr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tcentre.gdpr.access.Role;
import org.tcentre.gdpr.access.UserAccounts;
import org.tcentre.gdpr.system.AdminContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gdpr-checker users add|list}: provisioning the service's users (no default user exists). */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manages the service's users: each gets an API token, shown once.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Revoke.class})
final class UsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Database options shared by the operator commands. */
    static final class Database {
        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
                description = "Where the embedded database lives (default: ${DEFAULT-VALUE}); as for serve.")
        Path dataDir;

        @Unmatched
        List<String> springArguments = new ArrayList<>();

        String[] arguments() {
            List<String> arguments = new ArrayList<>();
            arguments.add("--gdpr.data-dir=" + dataDir.toAbsolutePath().normalize());
            arguments.addAll(springArguments);
            return arguments.toArray(String[]::new);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a user and prints its API token, once: only its hash is stored.",
                "Roles: PRODUCT_TEAM (needs --team), PRIVACY_OFFICER, REGULATOR."})
    static final class Add implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The user's name (letters, digits, '.', '_', '@', '-').")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", required = true, description = "${COMPLETION-CANDIDATES}")
        Role role;

        @Option(names = "--team", paramLabel = "TEAM", description = "The product team (PRODUCT_TEAM users only).")
        String team;

        @CommandLine.Mixin
        Database database = new Database();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (var context = AdminContext.open(database.arguments())) {
                var added = context.getBean(UserAccounts.class).add(name, role, team, operator());
                out.println("Added " + name + " (" + role + (team == null ? "" : ", team " + added.user().team()) + ").");
                out.println("API token (shown only now; store it safely):");
                out.println(added.token());
                return ExitCodes.OK;
            } catch (UserAccounts.InvalidUserException e) {
                spec.commandLine().getErr().println("cannot add the user: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users: name, role, team (never tokens).")
    static final class ListUsers implements Callable<Integer> {

        @CommandLine.Mixin
        Database database = new Database();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (var context = AdminContext.open(database.arguments())) {
                for (var user : context.getBean(UserAccounts.class).list()) {
                    out.printf("%-24s %-16s %s%n", user.name(), user.role(), user.team() == null ? "" : user.team());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Removes a user and so revokes its API token (running services stop accepting it within a minute); "
                + "audited as user.revoked.", "Its past submissions and audit entries stay. Add the user again for a new token."})
    static final class Revoke implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The user to remove.")
        String name;

        @CommandLine.Mixin
        Database database = new Database();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = AdminContext.open(database.arguments())) {
                context.getBean(UserAccounts.class).revoke(name, operator());
                spec.commandLine().getOut().println("Revoked " + name + ": its token no longer authenticates.");
                return ExitCodes.OK;
            } catch (UserAccounts.InvalidUserException e) {
                spec.commandLine().getErr().println("cannot revoke: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
        }
    }

    /** Who provisions, for the audit trail: the operating-system user running the command. */
    static String operator() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
