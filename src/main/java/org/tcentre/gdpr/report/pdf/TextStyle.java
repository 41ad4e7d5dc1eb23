package org.tcentre.gdpr.report.pdf;

import java.awt.Color;

/**
 * How a run of text looks: weight, size in points and colour. The layout layer offers the styles below;
 * a section derives its own with the {@code with…} methods rather than inventing sizes ad hoc.
 */
record TextStyle(boolean bold, float size, Color color) {

    static final Color INK = new Color(0x21, 0x21, 0x21);
    static final Color MUTED = new Color(0x5F, 0x63, 0x68);

    static final TextStyle TITLE = new TextStyle(true, 26, INK);
    static final TextStyle HEADING = new TextStyle(true, 15, INK);
    static final TextStyle SUBHEADING = new TextStyle(true, 11.5f, INK);
    static final TextStyle BODY = new TextStyle(false, 9.5f, INK);
    static final TextStyle TABLE = new TextStyle(false, 8.5f, INK);
    static final TextStyle TABLE_HEADER = new TextStyle(true, 8.5f, INK);
    static final TextStyle FURNITURE = new TextStyle(false, 7.5f, MUTED);

    TextStyle withSize(float points) {
        return new TextStyle(bold, points, color);
    }

    TextStyle withColor(Color newColor) {
        return new TextStyle(bold, size, newColor);
    }

    TextStyle asBold() {
        return new TextStyle(true, size, color);
    }

    /** Baseline-to-baseline distance: generous enough for DejaVu's descenders and accented capitals. */
    float leading() {
        return size * 1.32f;
    }

    /** From the top of a line to its baseline. */
    float ascent() {
        return size * 1.02f;
    }
}
