package org.tcentre.gdpr.report.pdf;

import java.util.List;

/**
 * One laid-out line: its fragments with their x offsets from the line's start, its width and height.
 * Produced by {@link LineBreaker}; drawn by {@link PageWriter}.
 */
record TextLine(List<Fragment> fragments, float width, float height, float ascent) {

    record Fragment(String text, TextStyle style, float x) {
    }

    TextLine {
        fragments = List.copyOf(fragments);
    }

    /** An empty line that still takes a line's height (two line feeds in a row). */
    static TextLine blank(TextStyle style) {
        return new TextLine(List.of(), 0, style.leading(), style.ascent());
    }

    String text() {
        StringBuilder all = new StringBuilder();
        fragments.forEach(f -> all.append(f.text()));
        return all.toString();
    }
}
