package org.tcentre.gdpr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.tcentre.gdpr.rules.RuleSetException;
import org.tcentre.gdpr.system.ServiceApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gdpr-checker serve}: the multi-user service (REST API on port 8080, embedded database in ./data).
 * The only command besides the operator commands that starts Spring.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the checker as a service: REST API under /api/v1 (OpenAPI at /v3/api-docs),",
            "embedded database in --data-dir unless spring.datasource.url names another one.",
            "Spring Boot options pass through, e.g. --server.port=9090. See docs/api.md and docs/deployment.md."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the embedded database lives (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rule-set directory, loaded at start-up and on reload (default: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--report-wording", paramLabel = "DIR", defaultValue = "reports",
            description = "Directory holding wording.yaml, the PDF report's texts (default: ${DEFAULT-VALUE}).")
    Path reportWording;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        for (String argument : springArguments) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                spec.commandLine().getErr().println("unknown argument '" + argument
                        + "': serve takes its own options and Spring Boot properties as --name=value");
                return ExitCodes.INVALID_INPUT;
            }
        }
        ConfigurableApplicationContext context;
        try {
            context = ServiceApplication.start(springArguments(dataDir, rules, reportWording, springArguments));
        } catch (RuntimeException e) {
            // Spring Boot has already reported why (a rule-set failure with its file and line).
            spec.commandLine().getErr().println("the service did not start");
            return causedByRuleSet(e) ? ExitCodes.RULE_SET_ERROR : ExitCodes.INTERNAL_ERROR;
        }
        String port = context.getEnvironment().getProperty("local.server.port");
        spec.commandLine().getOut().println("gdpr-checker serving on http://localhost:" + port
                + " (API under /api/v1, OpenAPI at /v3/api-docs); stop with Ctrl+C");
        var stopped = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        if (context.isActive()) {
            stopped.await();
        }
        return ExitCodes.OK;
    }

    private static boolean causedByRuleSet(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleSetException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Our options as Spring properties, unless the caller gives the same property itself (Spring would join two
     * values of one property with a comma).
     */
    static String[] springArguments(Path dataDir, Path rules, Path reportWording, List<String> extra) {
        List<String> arguments = new ArrayList<>();
        addUnlessGiven(arguments, extra, "gdpr.data-dir", dataDir.toAbsolutePath().normalize().toString());
        addUnlessGiven(arguments, extra, "gdpr.rules", rules.toString());
        addUnlessGiven(arguments, extra, "gdpr.report-wording", reportWording.toString());
        arguments.addAll(extra);
        return arguments.toArray(String[]::new);
    }

    private static void addUnlessGiven(List<String> arguments, List<String> extra, String property, String value) {
        if (extra.stream().noneMatch(a -> a.startsWith("--" + property + "="))) {
            arguments.add("--" + property + "=" + value);
        }
    }
}
