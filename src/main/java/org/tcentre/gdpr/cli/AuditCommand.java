package org.tcentre.gdpr.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tcentre.gdpr.audit.AuditLog;
import org.tcentre.gdpr.audit.AuditVerification;
import org.tcentre.gdpr.system.AdminContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gdpr-checker audit verify}: recomputes the audit trail's hash chain. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Works on the service's audit trail.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recomputes every entry's hash and the links between them; names the first broken entry.",
                "Exit code 0: intact; 1: broken."})
    static final class Verify implements Callable<Integer> {

        @CommandLine.Mixin
        UsersCommand.Database database = new UsersCommand.Database();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AuditVerification result;
            try (var context = AdminContext.open(database.arguments())) {
                result = context.getBean(AuditLog.class).verify();
            }
            if (result.intact()) {
                out.println("Audit trail intact: " + result.entries() + " entries, last hash " + result.lastHash());
                return ExitCodes.OK;
            }
            out.println("Audit trail BROKEN at entry " + result.firstBroken() + ": " + result.problem());
            out.println(result.entries() + " entries before it verify; the last good hash is " + result.lastHash());
            return ExitCodes.FINDINGS;
        }
    }
}
