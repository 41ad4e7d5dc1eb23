package org.tcentre.gdpr.report.pdf;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a table contains, apart from how it is drawn ({@link TableDrawer}): columns with a header and a
 * relative width, and rows of plain strings. A row may carry notes, full-width paragraphs printed under
 * its cells (a finding's explanation under its identifiers), and an accent colour marking its left edge.
 *
 * <p>Built fluently: {@code Table.of(column("Rule", 1), column("Title", 4)).row("R-1", "…")}.
 */
final class Table {

    /** A column: its header text, its share of the table width, and whether its cells are bold. */
    record Column(String header, float weight, boolean bold) {
    }

    /**
     * A full-width paragraph under a row's cells: "label: text" with the label in bold, or a text alone,
     * in bold when {@code emphasised} (a heading line such as a finding's title), else muted (a description).
     */
    record Note(String label, String text, boolean emphasised) {

        static Note labelled(String label, String text) {
            return new Note(label, text, false);
        }

        static Note emphasised(String text) {
            return new Note(null, text, true);
        }

        /** A text alone, in a muted colour: a description under a row. */
        static Note plain(String text) {
            return new Note(null, text, false);
        }
    }

    record Row(List<String> cells, List<Note> notes, Color accent) {
        Row {
            cells = List.copyOf(cells.stream().map(c -> c == null ? "" : c).toList());
            notes = List.copyOf(notes);
        }
    }

    private final List<Column> columns;
    private final List<Row> rows = new ArrayList<>();
    private boolean header = true;

    private Table(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    static Table of(Column... columns) {
        return new Table(Arrays.asList(columns));
    }

    static Column column(String header, float weight) {
        return new Column(header, weight, false);
    }

    static Column boldColumn(String header, float weight) {
        return new Column(header, weight, true);
    }

    /** A table without a header row, for label/value lists. */
    Table withoutHeader() {
        header = false;
        return this;
    }

    Table row(String... cells) {
        return row(null, Arrays.asList(cells), List.of());
    }

    Table row(Color accent, List<String> cells, List<Note> notes) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(
                    "a row has " + cells.size() + " cells; the table has " + columns.size() + " columns");
        }
        rows.add(new Row(cells, notes, accent));
        return this;
    }

    List<Column> columns() {
        return columns;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    boolean hasHeader() {
        return header;
    }
}
