package org.tcentre.gdpr.report.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps styled text into lines no wider than a given width, measuring with the real font metrics.
 *
 * <p>Text is never clipped: lines break at spaces, and a word wider than the whole line (a JSON pointer,
 * a hash, a URL) is split, preferably just after a "/", "-", "_", "." or similar, else between any two
 * characters. A line feed in the text forces a break.
 */
final class LineBreaker {

    private static final String PREFERRED_BREAKS = "/-_.,;:)]}|";

    private final DocumentFonts fonts;

    LineBreaker(DocumentFonts fonts) {
        this.fonts = fonts;
    }

    List<TextLine> wrap(String text, TextStyle style, float maxWidth) {
        return wrap(List.of(new Span(text, style)), maxWidth);
    }

    List<TextLine> wrap(List<Span> spans, float maxWidth) {
        var flow = new Flow(maxWidth);
        for (Span span : spans) {
            TextStyle style = span.style();
            String text = fonts.printable(span.text(), style);
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\n') {
                    flow.word(word.toString(), style);
                    word.setLength(0);
                    if (c == ' ') {
                        flow.space(style);
                    } else {
                        flow.hardBreak(style);
                    }
                } else {
                    word.append(c);
                }
            }
            flow.word(word.toString(), style);
        }
        return flow.finish();
    }

    /** The line being filled and the lines already full. */
    private final class Flow {
        private final float maxWidth;
        private final List<TextLine> lines = new ArrayList<>();
        private final List<TextLine.Fragment> fragments = new ArrayList<>();
        private float width;
        private float height;
        private float ascent;
        private TextStyle pendingSpace;

        Flow(float maxWidth) {
            this.maxWidth = maxWidth;
        }

        void space(TextStyle style) {
            if (!fragments.isEmpty()) {
                pendingSpace = style;
            }
        }

        void word(String word, TextStyle style) {
            if (word.isEmpty()) {
                return;
            }
            float wordWidth = fonts.width(word, style);
            float spaceWidth = pendingSpace == null ? 0 : fonts.width(" ", pendingSpace);
            if (width + spaceWidth + wordWidth <= maxWidth) {
                if (pendingSpace != null) {
                    add(" ", pendingSpace, spaceWidth);
                }
                add(word, style, wordWidth);
            } else if (wordWidth <= maxWidth) {
                endLine();
                add(word, style, wordWidth);
            } else {
                splitLongWord(word, style, spaceWidth);
            }
            pendingSpace = null;
        }

        void hardBreak(TextStyle style) {
            if (fragments.isEmpty()) {
                lines.add(TextLine.blank(style));
            } else {
                endLine();
            }
            pendingSpace = null;
        }

        List<TextLine> finish() {
            endLine();
            return lines;
        }

        /** Fills what is left of the current line if that is a useful amount, then whole lines. */
        private void splitLongWord(String word, TextStyle style, float spaceWidth) {
            float room = maxWidth - width - spaceWidth;
            if (!fragments.isEmpty() && room < maxWidth * 0.25f) {
                endLine();
            } else if (!fragments.isEmpty() && pendingSpace != null) {
                add(" ", pendingSpace, spaceWidth);
            }
            String rest = word;
            while (!rest.isEmpty()) {
                int cut = fittingPrefix(rest, style, maxWidth - width);
                if (cut == 0 && fragments.isEmpty()) {
                    cut = Character.charCount(rest.codePointAt(0)); // narrower than one character: still progress
                }
                if (cut > 0) {
                    String piece = rest.substring(0, cut);
                    add(piece, style, fonts.width(piece, style));
                    rest = rest.substring(cut);
                }
                if (!rest.isEmpty()) {
                    endLine();
                }
            }
        }

        /** Length of the longest prefix that fits, pulled back to a preferred break if there is one. */
        private int fittingPrefix(String text, TextStyle style, float room) {
            int end = 0;
            float used = 0;
            while (end < text.length()) {
                int cp = text.codePointAt(end);
                int next = end + Character.charCount(cp);
                used += fonts.width(text.substring(end, next), style);
                if (used > room) {
                    break;
                }
                end = next;
            }
            if (end == text.length()) {
                return end;
            }
            for (int i = end - 1; i > end / 3; i--) {
                if (PREFERRED_BREAKS.indexOf(text.charAt(i)) >= 0) {
                    return i + 1;
                }
            }
            return end;
        }

        private void add(String text, TextStyle style, float textWidth) {
            int last = fragments.size() - 1;
            if (last >= 0 && fragments.get(last).style().equals(style)) {
                TextLine.Fragment previous = fragments.get(last);
                fragments.set(last, new TextLine.Fragment(previous.text() + text, style, previous.x()));
            } else {
                fragments.add(new TextLine.Fragment(text, style, width));
            }
            width += textWidth;
            height = Math.max(height, style.leading());
            ascent = Math.max(ascent, style.ascent());
        }

        private void endLine() {
            if (!fragments.isEmpty()) {
                lines.add(new TextLine(fragments, width, height, ascent));
            }
            fragments.clear();
            width = 0;
            height = 0;
            ascent = 0;
            pendingSpace = null;
        }
    }
}
