package org.tcentre.gdpr;

import org.tcentre.gdpr.cli.GdprCheckerCommand;

/**
 * Entry point of the one jar. Command-line work runs on plain objects through picocli, without starting
 * Spring or a web server, so that {@code check} starts fast.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        System.exit(GdprCheckerCommand.run(args));
    }
}
