package org.tcentre.gdpr.report.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The layout layer's face to report sections: a flowing document of headings, paragraphs, coloured bands
 * and tables on A4 pages, with page breaks, a running header, "page N of M" footers, bookmarks and
 * document properties taken care of. A section says what to print, in order; this says where it goes.
 *
 * <p>Everything is drawn with the embedded DejaVu fonts, and text wraps to the body width, never beyond.
 * The result is a PDF/A-3b file ({@link PdfArchival}) with the {@link #attach attached} files embedded.
 * Use once: add content, call {@link #finish()}, close.
 */
final class PdfDocumentBuilder implements AutoCloseable {

    /**
     * The document information (repeated in XMP metadata) and the file identifier. {@code created} is the
     * evaluation time and {@code documentId} is derived from the content, so re-renders give the same bytes.
     */
    record Properties(String title, String author, String subject, Instant created, byte[] documentId) {
    }

    /** An outline entry; sections get one each, and may hold entries for their parts. */
    private record Bookmark(String title, PDPage page, float top, List<Bookmark> children) {
    }

    /** Names the software in the document information and XMP metadata. */
    static final String PRODUCER = "GDPR checker with Apache PDFBox " + org.apache.pdfbox.util.Version.getVersion();

    private final PDDocument document = new PDDocument();
    private final Properties properties;
    private final PageFurniture furniture;
    private final DocumentFonts fonts;
    private final LineBreaker breaker;
    private final PageWriter pages;
    private final List<Bookmark> bookmarks = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();

    PdfDocumentBuilder(Properties properties, PageFurniture furniture) {
        this.properties = properties;
        this.furniture = furniture;
        this.fonts = new DocumentFonts(document);
        this.breaker = new LineBreaker(fonts);
        this.pages = new PageWriter(document, fonts);
    }

    float bodyWidth() {
        return PageGeometry.BODY_WIDTH;
    }

    /** Continues on a fresh page, unless the current page is still empty. */
    void newPage() {
        pages.newPage();
    }

    /** Vertical white space; at the top of a page it is dropped, as a typesetter would. */
    void space(float points) {
        if (pages.atTopOfPage()) {
            return;
        }
        if (pages.fits(points)) {
            pages.advance(points);
        } else {
            pages.newPage();
        }
    }

    /**
     * Starts a new page unless this much height is left on the current one: for a short section that
     * reads better whole than split (an estimate is enough; nothing is clipped if it is wrong).
     */
    void keepSpace(float points) {
        pages.ensure(Math.min(points, PageGeometry.BODY_HEIGHT));
    }

    /** A top-level bookmark pointing at the current position. */
    void bookmark(String title) {
        pages.ensure(TextStyle.BODY.leading());
        bookmarks.add(new Bookmark(title, pages.page(), pages.y(), new ArrayList<>()));
    }

    /** A heading inside a section with its own bookmark under the section's (an appendix part, say). */
    void subsection(String text) {
        space(TextStyle.SUBHEADING.size() * 0.5f);
        List<TextLine> lines = breaker.wrap(text, TextStyle.SUBHEADING, bodyWidth());
        pages.ensure(height(lines) + 3 * TextStyle.BODY.leading());
        var mark = new Bookmark(text, pages.page(), pages.y(), List.of());
        if (bookmarks.isEmpty()) {
            bookmarks.add(mark);
        } else {
            bookmarks.get(bookmarks.size() - 1).children().add(mark);
        }
        lines.forEach(line -> pages.line(line, PageGeometry.LEFT));
        pages.advance(TextStyle.SUBHEADING.size() * 0.35f);
    }

    /** A section heading with its own bookmark, kept on the same page as the start of what follows it. */
    void section(String title) {
        List<TextLine> lines = breaker.wrap(title, TextStyle.HEADING, bodyWidth());
        pages.ensure(height(lines) + 4 * TextStyle.BODY.leading());
        bookmark(title);
        lines.forEach(line -> pages.line(line, PageGeometry.LEFT));
        pages.advance(TextStyle.HEADING.size() * 0.6f);
    }

    /** A heading inside a section: not bookmarked, kept with what follows. */
    void subheading(String text) {
        space(TextStyle.SUBHEADING.size() * 0.5f);
        List<TextLine> lines = breaker.wrap(text, TextStyle.SUBHEADING, bodyWidth());
        pages.ensure(height(lines) + 3 * TextStyle.BODY.leading());
        lines.forEach(line -> pages.line(line, PageGeometry.LEFT));
        pages.advance(TextStyle.SUBHEADING.size() * 0.35f);
    }

    void paragraph(String text) {
        paragraph(TextStyle.BODY, text);
    }

    void paragraph(TextStyle style, String text) {
        paragraph(new Span(text, style));
    }

    /** A paragraph of differently styled runs, wrapped as one flow; it breaks across pages between lines. */
    void paragraph(Span... spans) {
        List<TextLine> lines = breaker.wrap(Arrays.asList(spans), bodyWidth());
        for (int i = 0; i < lines.size(); i++) {
            // Neither the first line alone at the foot of a page nor the last alone at the top of the next.
            boolean keepWithNext = i + 1 < lines.size() && (i == 0 || (i >= 2 && i == lines.size() - 2));
            pages.ensure(lines.get(i).height() + (keepWithNext ? lines.get(i + 1).height() : 0));
            pages.line(lines.get(i), PageGeometry.LEFT);
        }
        float largest = (float) Arrays.stream(spans).mapToDouble(s -> s.style().size()).max().orElse(0);
        space(largest * 0.6f);
    }

    /**
     * A list item: a bullet in the margin of a paragraph indented beside it. Its first two lines stay
     * together; the rest breaks across pages like a paragraph.
     */
    void bullet(Span... spans) {
        float indent = 12;
        List<TextLine> lines = breaker.wrap(Arrays.asList(spans), bodyWidth() - indent);
        TextStyle markStyle = spans.length == 0 ? TextStyle.BODY : spans[0].style().withColor(TextStyle.MUTED);
        List<TextLine> mark = breaker.wrap("•", markStyle, indent);
        for (int i = 0; i < lines.size(); i++) {
            boolean keepWithNext = i == 0 && lines.size() > 1;
            pages.ensure(lines.get(i).height() + (keepWithNext ? lines.get(i + 1).height() : 0));
            if (i == 0 && !mark.isEmpty()) {
                pages.lineAt(mark.get(0), PageGeometry.LEFT + 2, pages.y());
            }
            pages.line(lines.get(i), PageGeometry.LEFT + indent);
        }
        space(TextStyle.BODY.size() * 0.45f);
    }

    /** Short text on a full-width coloured band (a verdict); kept on one page. */
    void band(String text, TextStyle style, Color fill) {
        float padX = 14;
        float padY = style.size() * 0.55f;
        List<TextLine> lines = breaker.wrap(text, style, bodyWidth() - 2 * padX);
        float height = height(lines) + 2 * padY;
        if (height > PageGeometry.BODY_HEIGHT) {
            paragraph(style.withColor(fill), text); // too long for a band: still print all of it
            return;
        }
        pages.ensure(height);
        pages.fill(fill, PageGeometry.LEFT, pages.y(), bodyWidth(), height);
        pages.advance(padY);
        lines.forEach(line -> pages.line(line, PageGeometry.LEFT + padX));
        pages.advance(padY);
        space(TextStyle.BODY.size());
    }

    /** A table, breaking across pages with its header repeated; see {@link TableDrawer}. */
    void table(Table table) {
        new TableDrawer(pages, breaker).draw(table);
        space(TextStyle.BODY.size());
    }

    /** How tall the table is when drawn whole: to keep a short table with its heading ({@link #keepSpace}). */
    float height(Table table) {
        return new TableDrawer(pages, breaker).height(table);
    }

    /** Embeds a file in the document as a PDF/A-3 associated file; see {@link PdfArchival#attach}. */
    void attach(Attachment attachment) {
        attachments.add(attachment);
    }

    /** The files attached so far, in order: what the document will embed. */
    List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    /** Stamps header and footer on every page, writes bookmarks and properties, and returns the PDF. */
    byte[] finish() {
        pages.close();
        furniture.stamp(document, fonts, pages.pages());
        writeOutline();
        writeViewerPreferences();
        Calendar created = calendar(properties.created());
        PdfArchival.metadata(document, properties.title(), properties.author(), properties.subject(), PRODUCER, created);
        PdfArchival.outputIntent(document);
        PdfArchival.attach(document, attachments, created);
        PdfArchival.documentId(document, properties.documentId());
        // PDF/A-3 rests on PDF 1.7; associated files and compressed object streams need it anyway.
        document.setVersion(1.7f);
        try (var out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (fonts) {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeOutline() {
        var outline = new PDDocumentOutline();
        for (Bookmark bookmark : bookmarks) {
            PDOutlineItem item = item(bookmark);
            bookmark.children().forEach(child -> item.addLast(item(child)));
            outline.addLast(item);
        }
        outline.openNode();
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setDocumentOutline(outline);
        catalog.setPageMode(PageMode.USE_OUTLINES);
        catalog.setLanguage("en");
    }

    private static PDOutlineItem item(Bookmark bookmark) {
        var destination = new PDPageXYZDestination();
        destination.setPage(bookmark.page());
        destination.setLeft(0);
        destination.setTop(Math.round(bookmark.top() + TextStyle.HEADING.size()));
        var item = new PDOutlineItem();
        item.setTitle(bookmark.title());
        item.setDestination(destination);
        return item;
    }

    private static Calendar calendar(Instant instant) {
        if (instant == null) {
            return null;
        }
        Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    private void writeViewerPreferences() {
        // Viewers then show the title rather than the file name (also a PDF/UA and PDF/A habit).
        var preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }

    private static float height(List<TextLine> lines) {
        return (float) lines.stream().mapToDouble(TextLine::height).sum();
    }
}
