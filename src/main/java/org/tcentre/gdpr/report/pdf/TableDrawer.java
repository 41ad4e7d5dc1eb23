package org.tcentre.gdpr.report.pdf;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Draws a {@link Table} across the body width: cells wrapped to their column, notes under them, a light
 * rule between rows. A row that fits on one page is never split; a row taller than a page is split between
 * lines. Whenever the table continues on a new page, its header row is drawn again first.
 */
final class TableDrawer {

    private static final float PAD_X = 6;
    private static final float PAD_Y = 3.5f;
    private static final float NOTE_GAP = 2.5f;
    private static final float ACCENT_WIDTH = 2.5f;
    private static final Color HEADER_FILL = new Color(0xEC, 0xEF, 0xF1);
    private static final Color HEADER_RULE = new Color(0x90, 0xA4, 0xAE);
    private static final Color ROW_RULE = new Color(0xCF, 0xD8, 0xDC);

    private final PageWriter pages;
    private final LineBreaker breaker;

    TableDrawer(PageWriter pages, LineBreaker breaker) {
        this.pages = pages;
        this.breaker = breaker;
    }

    /** Lines drawn side by side at one height: one line per column, or one full-width note line. */
    private record Slice(float height, List<Placed> items) {
    }

    private record Placed(TextLine line, float x) {
    }

    /** A row laid out: its slices, and its total height including padding. */
    private record Block(List<Slice> slices, float height, Color accent) {
    }

    /** The height the table takes when drawn on one page: its header and every row. */
    float height(Table table) {
        float[] xs = columnStarts(table);
        float height = table.hasHeader() ? header(table, xs).height() : 0;
        for (Table.Row row : table.rows()) {
            height += layOut(row, table, xs).height();
        }
        return height;
    }

    void draw(Table table) {
        float[] xs = columnStarts(table);
        Block header = table.hasHeader() ? header(table, xs) : null;
        float headerHeight = header == null ? 0 : header.height();
        PDPage headerDrawnOn = null;
        for (Table.Row row : table.rows()) {
            Block block = layOut(row, table, xs);
            // Keep a row whole when a page can hold it; a longer row needs only its first line here.
            float keep = block.height() <= PageGeometry.BODY_HEIGHT - headerHeight
                    ? block.height()
                    : 2 * PAD_Y + block.slices().get(0).height();
            boolean headerHere = header != null && headerDrawnOn == pages.page();
            if (!pages.fits(keep + (header == null || headerHere ? 0 : headerHeight))) {
                pages.newPage();
            }
            if (header != null && headerDrawnOn != pages.page()) {
                drawBlock(header, null, HEADER_FILL, HEADER_RULE);
                headerDrawnOn = pages.page();
            }
            drawBlock(block, header, null, ROW_RULE);
            if (header != null && headerDrawnOn != pages.page()) {
                headerDrawnOn = pages.page(); // the row was split and drew the header on its new page
            }
        }
    }

    /**
     * Draws a block at the cursor. When a line does not fit, the block continues on a new page, after
     * {@code repeatHeader} if there is one.
     */
    private void drawBlock(Block block, Block repeatHeader, Color fill, Color ruleBelow) {
        float top = pages.y();
        if (fill != null) {
            pages.fill(fill, PageGeometry.LEFT, top, PageGeometry.BODY_WIDTH, block.height());
        }
        pages.advance(PAD_Y);
        for (Slice slice : block.slices()) {
            if (!pages.fits(slice.height() + PAD_Y)) {
                accent(block.accent(), top);
                pages.newPage();
                if (repeatHeader != null) {
                    drawBlock(repeatHeader, null, HEADER_FILL, HEADER_RULE);
                }
                top = pages.y();
                pages.advance(PAD_Y);
            }
            float lineTop = pages.y();
            for (Placed placed : slice.items()) {
                pages.lineAt(placed.line(), PageGeometry.LEFT + placed.x(), lineTop);
            }
            pages.advance(slice.height());
        }
        pages.advance(PAD_Y);
        accent(block.accent(), top);
        pages.rule(ruleBelow, 0.6f, PageGeometry.LEFT, PageGeometry.RIGHT, pages.y());
    }

    /** The row's marker; a point short at each end, so the markers of adjacent rows stay apart. */
    private void accent(Color accent, float top) {
        if (accent != null && top - pages.y() > 2) {
            pages.fill(accent, PageGeometry.LEFT, top - 1, ACCENT_WIDTH, top - pages.y() - 2);
        }
    }

    private Block header(Table table, float[] xs) {
        List<String> headers = table.columns().stream().map(Table.Column::header).toList();
        List<List<TextLine>> cells = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            cells.add(breaker.wrap(headers.get(i), TextStyle.TABLE_HEADER, columnWidth(xs, i) - 2 * PAD_X));
        }
        List<Slice> slices = sideBySide(cells, xs);
        return new Block(slices, height(slices), null);
    }

    private Block layOut(Table.Row row, Table table, float[] xs) {
        List<List<TextLine>> cells = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            TextStyle style = table.columns().get(i).bold() ? TextStyle.TABLE.asBold() : TextStyle.TABLE;
            cells.add(breaker.wrap(row.cells().get(i), style, columnWidth(xs, i) - 2 * PAD_X));
        }
        List<Slice> slices = new ArrayList<>(sideBySide(cells, xs));
        if (!row.notes().isEmpty()) {
            slices.add(new Slice(NOTE_GAP, List.of()));
            float noteWidth = PageGeometry.BODY_WIDTH - 2 * PAD_X;
            for (Table.Note note : row.notes()) {
                for (TextLine line : breaker.wrap(spans(note), noteWidth)) {
                    slices.add(new Slice(line.height(), List.of(new Placed(line, PAD_X))));
                }
            }
        }
        if (slices.isEmpty()) {
            slices.add(new Slice(TextStyle.TABLE.leading(), List.of())); // a row of empty cells still shows
        }
        return new Block(slices, height(slices), row.accent());
    }

    private static List<Span> spans(Table.Note note) {
        String text = note.text() == null ? "" : note.text();
        if (note.label() == null) {
            // A text alone is a heading line when emphasised, else a description: muted, under the row's cells.
            return List.of(new Span(text, note.emphasised() ? TextStyle.TABLE.asBold()
                    : TextStyle.TABLE.withColor(TextStyle.MUTED)));
        }
        return List.of(new Span(note.label() + ": ", TextStyle.TABLE.asBold()), new Span(text, TextStyle.TABLE));
    }

    private static List<Slice> sideBySide(List<List<TextLine>> cells, float[] xs) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(0);
        List<Slice> slices = new ArrayList<>();
        for (int k = 0; k < lines; k++) {
            List<Placed> items = new ArrayList<>();
            float height = 0;
            for (int i = 0; i < cells.size(); i++) {
                if (k < cells.get(i).size()) {
                    TextLine line = cells.get(i).get(k);
                    items.add(new Placed(line, xs[i] + PAD_X));
                    height = Math.max(height, line.height());
                }
            }
            slices.add(new Slice(height, items));
        }
        return slices;
    }

    private static float height(List<Slice> slices) {
        return 2 * PAD_Y + (float) slices.stream().mapToDouble(Slice::height).sum();
    }

    /** Column start offsets from the left margin, plus the body width as the end of the last one. */
    private static float[] columnStarts(Table table) {
        List<Table.Column> columns = table.columns();
        double total = columns.stream().mapToDouble(Table.Column::weight).sum();
        float[] xs = new float[columns.size() + 1];
        float x = 0;
        for (int i = 0; i < columns.size(); i++) {
            xs[i] = x;
            x += (float) (PageGeometry.BODY_WIDTH * columns.get(i).weight() / total);
        }
        xs[columns.size()] = PageGeometry.BODY_WIDTH;
        return xs;
    }

    private static float columnWidth(float[] xs, int column) {
        return xs[column + 1] - xs[column];
    }
}
