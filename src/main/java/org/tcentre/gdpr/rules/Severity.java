package org.tcentre.gdpr.rules;

import java.util.Locale;

/** How serious a finding is, most severe first, as the rule catalogue defines the scale. */
public enum Severity {
    /** Processing is unlawful as declared. */
    CRITICAL,
    /** A clear infringement or a missing mandatory safeguard. */
    HIGH,
    /** A likely infringement or missing evidence. */
    MEDIUM,
    /** Good practice or a documentation gap. */
    LOW,
    /** An observation. */
    INFO;

    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    /** Reads a severity case-insensitively; {@code null} if the text names none. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
