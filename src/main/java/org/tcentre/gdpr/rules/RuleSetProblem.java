package org.tcentre.gdpr.rules;

/**
 * Something wrong with a rule set, located in its directory.
 *
 * @param file relative to the rule-set directory
 * @param line 1-based, or {@code null} when the problem concerns the whole file
 */
public record RuleSetProblem(String file, Integer line, Integer column, String message) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file);
        if (line != null && line > 0) {
            where.append(':').append(line);
            if (column != null && column > 0) {
                where.append(':').append(column);
            }
        }
        return where + ": " + message;
    }
}
