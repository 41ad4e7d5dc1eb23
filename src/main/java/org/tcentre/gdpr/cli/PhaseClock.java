package org.tcentre.gdpr.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Prints the time each phase of a command took, counted from JVM start, when asked to (--timings). */
final class PhaseClock {

    private final boolean enabled;
    private final PrintWriter out;
    private long last;

    PhaseClock(boolean enabled, PrintWriter out) {
        this.enabled = enabled;
        this.out = out;
        long sinceStart = ManagementFactory.getRuntimeMXBean().getUptime();
        this.last = System.nanoTime();
        if (enabled) {
            out.println(String.format(Locale.ROOT, "[timings] %6d ms  JVM start to command", sinceStart));
        }
    }

    void lap(String phase) {
        long now = System.nanoTime();
        if (enabled) {
            out.println(String.format(Locale.ROOT, "[timings] %6d ms  %s", (now - last) / 1_000_000, phase));
        }
        last = now;
    }
}
