package org.tcentre.gdpr.system;

import java.nio.file.Path;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.tcentre.gdpr.report.ReportWordingException;

/**
 * Report wording that does not load (no such directory, no wording.yaml in it, or a file with problems) stops the
 * service with its problems listed (directory, or file and line), not a stack trace.
 */
class ReportWordingFailureAnalyzer extends AbstractFailureAnalyzer<ReportWordingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ReportWordingException cause) {
        return new FailureAnalysis(RuleSetFailureAnalyzer.cannotBeUsed("The report wording", cause.problems()),
                "Point --report-wording at a directory holding wording.yaml (a relative one is read from the working "
                        + "directory, " + Path.of("").toAbsolutePath() + "), or fix the file; docs/report-format.md "
                        + "lists its keys.",
                cause);
    }
}
