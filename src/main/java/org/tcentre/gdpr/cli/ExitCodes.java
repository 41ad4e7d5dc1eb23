package org.tcentre.gdpr.cli;

/** Exit codes: part of the CLI's contract with CI pipelines. */
public final class ExitCodes {
    /** No finding at or above the --fail-on severity (or a command that succeeded). */
    public static final int OK = 0;
    /** At least one finding at or above the --fail-on severity, or a failing rule test. */
    public static final int FINDINGS = 1;
    /** The declaration (or the command line) is invalid: nothing was evaluated, no report was written. */
    public static final int INVALID_INPUT = 2;
    /** The rule set cannot be loaded: compile errors, bad metadata or parameters. */
    public static final int RULE_SET_ERROR = 3;
    /** Something failed that is not the user's input, such as an unwritable output folder. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCodes() {
    }
}
