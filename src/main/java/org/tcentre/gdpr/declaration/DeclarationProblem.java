package org.tcentre.gdpr.declaration;

import java.util.Comparator;

/**
 * One thing wrong with a submitted declaration, located by JSON pointer (and, for syntax errors, by line
 * and column), with a message a product manager understands.
 *
 * @param pointer RFC 6901 pointer of the offending field; "" for the document as a whole
 * @param line    1-based line, or {@code null} when only the pointer is known
 */
public record DeclarationProblem(String pointer, String message, Integer line, Integer column) {

    /** Document order: by pointer, comparing array indexes as numbers. */
    public static final Comparator<DeclarationProblem> ORDER = (a, b) -> comparePointers(a.pointer, b.pointer);

    public static DeclarationProblem at(String pointer, String message) {
        return new DeclarationProblem(pointer, message, null, null);
    }

    public static DeclarationProblem syntax(String message, int line, int column) {
        return new DeclarationProblem("", message, line, column);
    }

    /** "/activities/0/legalBasis: ...", or "line 3, column 7: ..." for syntax errors. */
    @Override
    public String toString() {
        if (line != null) {
            return "line " + line + ", column " + column + ": " + message;
        }
        return (pointer.isEmpty() ? "(document)" : pointer) + ": " + message;
    }

    private static int comparePointers(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = compareSegments(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int compareSegments(String a, String b) {
        boolean numbers = !a.isEmpty() && !b.isEmpty() && a.chars().allMatch(Character::isDigit)
                && b.chars().allMatch(Character::isDigit) && a.length() < 10 && b.length() < 10;
        return numbers ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
    }
}
