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

    /**
     * Where compiled rule sets are cached between runs: {@code $GDPR_CHECKER_CACHE}, else
     * {@code $XDG_CACHE_HOME/gdpr-checker}, else {@code ~/.cache/gdpr-checker}.
     */
    static Path cacheDirectory() {
        String explicit = System.getenv("GDPR_CHECKER_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gdpr-checker");
    }

    static RuleSetLoader loader(boolean useCache) {
        return useCache ? new RuleSetLoader(cacheDirectory()) : new RuleSetLoader();
    }

    /** The rule set, or {@code null} after printing why it cannot be used. */
    static RuleSet load(Path directory, PrintWriter stderr) {
        try {
            return loader(true).load(directory);
        } catch (RuleSetException e) {
            print(directory, e, stderr);
            return null;
        }
    }

    /** Starts compiling in the background; {@link #await} prints the problems, on the caller's thread. */
    static CompletableFuture<RuleSet> loadInBackground(Path directory, boolean useCache) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return loader(useCache).load(directory);
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
