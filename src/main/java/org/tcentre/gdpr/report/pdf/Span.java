package org.tcentre.gdpr.report.pdf;

/** A run of text in one style; a paragraph is a list of them, wrapped as one flow. */
record Span(String text, TextStyle style) {

    Span {
        text = text == null ? "" : text;
    }
}
