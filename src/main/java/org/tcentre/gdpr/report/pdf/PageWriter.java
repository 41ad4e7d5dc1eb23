package org.tcentre.gdpr.report.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The pages of a document and the cursor on the current one: the lowest layer, which draws text lines,
 * filled boxes and rules where it is told to, and starts a new page when asked. It knows nothing of
 * paragraphs or tables.
 *
 * <p>The cursor {@link #y()} is the top of the free space on the current page; drawing below
 * {@link PageGeometry#BODY_BOTTOM} is the caller's mistake, so callers check {@link #fits} first.
 */
final class PageWriter {

    private final PDDocument document;
    private final DocumentFonts fonts;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPage page;
    private PDPageContentStream content;
    private float y;

    PageWriter(PDDocument document, DocumentFonts fonts) {
        this.document = document;
        this.fonts = fonts;
    }

    float y() {
        return y;
    }

    PDPage page() {
        startIfNeeded();
        return page;
    }

    List<PDPage> pages() {
        return List.copyOf(pages);
    }

    /** Whether the current page has room for this much height (a new document has no page yet, hence no). */
    boolean fits(float height) {
        return page != null && y - height >= PageGeometry.BODY_BOTTOM - 0.01f;
    }

    boolean atTopOfPage() {
        return page == null || y >= PageGeometry.BODY_TOP;
    }

    /** Starts a page unless the current one is still empty: never leaves a blank page behind. */
    void newPage() {
        if (page != null && atTopOfPage()) {
            return;
        }
        closeContent();
        page = new PDPage(PageGeometry.SIZE);
        document.addPage(page);
        pages.add(page);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = PageGeometry.BODY_TOP;
    }

    /** Makes sure the height is available, starting a new page if it is not. */
    void ensure(float height) {
        if (!fits(height)) {
            newPage();
        }
    }

    void advance(float height) {
        startIfNeeded();
        y -= height;
    }

    /** Draws a line with its top at the cursor, starting at x, and moves the cursor below it. */
    void line(TextLine line, float x) {
        lineAt(line, x, y);
        y -= line.height();
    }

    /** Draws a line with its top at {@code top}, without moving the cursor (for table cells side by side). */
    void lineAt(TextLine line, float x, float top) {
        startIfNeeded();
        float baseline = top - line.ascent();
        try {
            for (TextLine.Fragment fragment : line.fragments()) {
                if (fragment.text().isBlank()) {
                    continue;
                }
                TextStyle style = fragment.style();
                content.beginText();
                content.setFont(fonts.font(style), style.size());
                content.setNonStrokingColor(style.color());
                content.newLineAtOffset(x + fragment.x(), baseline);
                content.showText(fragment.text());
                content.endText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills a box given by its top-left corner. */
    void fill(Color color, float x, float top, float width, float height) {
        startIfNeeded();
        try {
            content.setNonStrokingColor(color);
            content.addRect(x, top - height, width, height);
            content.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A horizontal rule at height {@code atY}. */
    void rule(Color color, float thickness, float fromX, float toX, float atY) {
        startIfNeeded();
        try {
            content.setStrokingColor(color);
            content.setLineWidth(thickness);
            content.moveTo(fromX, atY);
            content.lineTo(toX, atY);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the last page's content; after this only {@link PageFurniture} adds to the pages. */
    void close() {
        closeContent();
    }

    private void startIfNeeded() {
        if (page == null) {
            newPage();
        }
    }

    private void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }
}
