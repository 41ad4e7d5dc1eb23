package org.tcentre.gdpr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetException;
import org.tcentre.gdpr.rules.RuleSetLoader;

/** Loads a rule set for a command, printing every problem with file and line when it cannot be loaded. */
final class RuleSets {

    private RuleSets() {
    }

    /** The rule set, or {@code null} after printing why it cannot be used. */
    static RuleSet load(Path directory, PrintWriter stderr) {
        try {
            return new RuleSetLoader().load(directory);
        } catch (RuleSetException e) {
            print(directory, e, stderr);
            return null;
        }
    }

    /** Starts compiling in the background; {@link #await} prints the problems, on the caller's thread. */
    static CompletableFuture<RuleSet> loadInBackground(Path directory) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new RuleSetLoader().load(directory);
            } catch (RuleSetException e) {
                throw new CompletionException(e);
            }
        });
    }

    static RuleSet await(CompletableFuture<RuleSet> loading, Path directory, PrintWriter stderr) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuleSetException problems) {
                print(directory, problems, stderr);
                return null;
            }
            throw e;
        }
    }

    private static void print(Path directory, RuleSetException e, PrintWriter stderr) {
        stderr.println("The rule set in " + directory + " cannot be used (" + e.problems().size() + " problem"
                + (e.problems().size() == 1 ? "" : "s") + "):");
        e.problems().forEach(p -> stderr.println("  " + p));
    }
}
