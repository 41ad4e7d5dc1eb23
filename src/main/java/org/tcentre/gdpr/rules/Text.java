package org.tcentre.gdpr.rules;

/**
 * Text tests rules use in their conditions. A plain static method, because the engine compiles a call to it
 * into fast code, where {@code x.isBlank()} inside a condition falls back to slow interpretation.
 */
public final class Text {

    private Text() {
    }

    /** Absent, empty or only whitespace. */
    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
