package org.tcentre.gdpr.report.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The running header and footer, stamped on every page once layout is done, because "page N of M"
 * needs M. The header names the document (left) and its identity (right); the footer repeats a short
 * label and the page number.
 *
 * @param headerLeft  e.g. the product name and version; shortened with "…" if it would meet the right text
 * @param headerRight e.g. the report id
 * @param footerLeft  e.g. the document title
 */
record PageFurniture(String headerLeft, String headerRight, String footerLeft) {

    private static final Color RULE = new Color(0xB0, 0xBE, 0xC5);
    private static final float GAP = 18;

    void stamp(PDDocument document, DocumentFonts fonts, List<PDPage> pages) {
        TextStyle style = TextStyle.FURNITURE;
        for (int i = 0; i < pages.size(); i++) {
            try (var content = new PDPageContentStream(document, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String right = fonts.printable(headerRight == null ? "" : headerRight, style);
                float rightWidth = fonts.width(right, style);
                String left = fitted(fonts, headerLeft, style, PageGeometry.BODY_WIDTH - rightWidth - GAP);
                text(content, fonts, left, style, PageGeometry.LEFT, PageGeometry.HEADER_BASELINE);
                text(content, fonts, right, style, PageGeometry.RIGHT - rightWidth, PageGeometry.HEADER_BASELINE);
                rule(content, PageGeometry.HEADER_RULE);

                String pageOf = "page " + (i + 1) + " of " + pages.size();
                float pageOfWidth = fonts.width(pageOf, style);
                String footer = fitted(fonts, footerLeft, style, PageGeometry.BODY_WIDTH - pageOfWidth - GAP);
                rule(content, PageGeometry.FOOTER_RULE);
                text(content, fonts, footer, style, PageGeometry.LEFT, PageGeometry.FOOTER_BASELINE);
                text(content, fonts, pageOf, style, PageGeometry.RIGHT - pageOfWidth, PageGeometry.FOOTER_BASELINE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The text, shortened with an ellipsis to fit: a running header is one line by nature. */
    private static String fitted(DocumentFonts fonts, String text, TextStyle style, float width) {
        String printable = fonts.printable(text == null ? "" : text, style).replace('\n', ' ');
        if (fonts.width(printable, style) <= width) {
            return printable;
        }
        int end = printable.length();
        while (end > 0 && fonts.width(printable.substring(0, end) + "…", style) > width) {
            end = printable.offsetByCodePoints(end, -1);
        }
        return printable.substring(0, end).stripTrailing() + "…";
    }

    private static void text(PDPageContentStream content, DocumentFonts fonts, String text, TextStyle style,
                             float x, float baseline) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(fonts.font(style), style.size());
        content.setNonStrokingColor(style.color());
        content.newLineAtOffset(x, baseline);
        content.showText(text);
        content.endText();
    }

    private static void rule(PDPageContentStream content, float y) throws IOException {
        content.setStrokingColor(RULE);
        content.setLineWidth(0.5f);
        content.moveTo(PageGeometry.LEFT, y);
        content.lineTo(PageGeometry.RIGHT, y);
        content.stroke();
    }
}
