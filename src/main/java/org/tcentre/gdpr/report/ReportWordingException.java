package org.tcentre.gdpr.report;

import java.util.List;

/**
 * The report wording cannot be used: the file is missing, or it has unknown keys, missing or empty texts,
 * or is not YAML. Every problem names the file and, where there is one, the line.
 */
public final class ReportWordingException extends RuntimeException {

    private final List<String> problems;

    public ReportWordingException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as "file:line: what is wrong" (or "file: …" when no line applies). */
    public List<String> problems() {
        return problems;
    }
}
