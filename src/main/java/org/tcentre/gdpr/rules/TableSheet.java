package org.tcentre.gdpr.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;

/**
 * Drools' own decision-table reader, which also remembers every cell it is given, so that the loader can check
 * a parameter table's layout before its generated rules are compiled and say which row and column is wrong.
 *
 * <p>A parameter table is a standard Drools decision table held to a narrow shape, because its cells become
 * code that runs in the checker: the header names {@code RuleSet} (the section of the parameters it defines),
 * {@code Import} and {@code Variables} exactly as shipped; one {@code RuleTable}; only {@code ACTION} columns,
 * each of the form {@code tables.cell(drools, "field", "$param");}; and values without backslashes or line
 * breaks, so no value can end the string it is put in.
 */
final class TableSheet extends DefaultRuleSheetListener {

    static final String IMPORT = TableRows.class.getName();
    static final String VARIABLES = IMPORT + " tables";

    /** Header keywords that would add code or change how values are quoted: never in a parameter table. */
    private static final Set<String> FORBIDDEN = Set.of("functions", "queries", "declare", "unit", "dialect",
            "escapequotes", "sequential", "numericdisabled", "ignorenumericformat");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Pattern SNIPPET = Pattern.compile(
            "tables\\.cell\\(\\s*drools\\s*,\\s*\"([A-Za-z]+)\"\\s*,\\s*\"\\$param\"\\s*\\)\\s*;?");

    /** 0-based row -> 0-based column -> trimmed text of every non-blank cell. */
    private final TreeMap<Integer, TreeMap<Integer, String>> cells = new TreeMap<>();

    TableSheet() {
        super();
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        String text = value;
        if (text != null && QUOTED.matcher(text.strip()).matches()) {
            // Drools hands a spreadsheet date over as "19-Oct-2010", in quotes, and would put a quoted value into the
            // code as it is; a value's own quotes are dropped, so every value is plain text.
            text = text.strip().substring(1, text.strip().length() - 1);
        }
        if (text != null && !text.isBlank()) {
            cells.computeIfAbsent(row, r -> new TreeMap<>()).put(column, text.strip());
        }
        super.newCell(row, column, text, mergedColStart);
    }

    /** Whether the reader saw no cell at all: the file is empty or could not be read as a table. */
    boolean empty() {
        return cells.isEmpty();
    }

    /** A column of the table: the field its code fills, its letter, and the label a privacy officer reads. */
    record Column(String field, String letter, String label) {

        String describe() {
            return "column " + letter + " (" + label + ")";
        }
    }

    /** What a well-formed table defines: its section and its columns by field. */
    record Layout(TableSection section, Map<String, Column> columns) {
    }

    /**
     * Checks the table's layout against its section, adding a problem (file, row, column) for each fault;
     * {@code null} when the table cannot be used.
     */
    Layout check(String file, List<RuleSetProblem> problems) {
        int before = problems.size();
        List<int[]> ruleTables = new ArrayList<>();
        cells.forEach((row, columns) -> columns.forEach((column, text) -> {
            if (text.toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                ruleTables.add(new int[] {row, column});
            }
        }));
        if (ruleTables.isEmpty()) {
            problems.add(new RuleSetProblem(file, null, null,
                    "has no RuleTable cell: a decision table needs a cell 'RuleTable <name>' above its ACTION headers"));
            return null;
        }
        for (int[] extra : ruleTables.subList(1, ruleTables.size())) {
            problems.add(new RuleSetProblem(file, extra[0] + 1, null, "cell " + name(extra[0], extra[1])
                    + " starts a second RuleTable: a parameter file holds one table"));
        }
        int start = ruleTables.get(0)[0];
        int first = ruleTables.get(0)[1];

        TableSection section = header(file, start, problems);

        Map<Integer, Column> byIndex = new TreeMap<>();
        TreeMap<Integer, String> types = row(start + 1);
        if (types.tailMap(first).isEmpty()) {
            problems.add(new RuleSetProblem(file, start + 2, null, "the row under the RuleTable cell must name each column's type (ACTION)"));
        }
        types.tailMap(first).forEach((column, type) -> {
            if (!type.equalsIgnoreCase("ACTION")) {
                problems.add(new RuleSetProblem(file, start + 2, null, "column " + letter(column) + ": '" + type
                        + "' columns are not supported here; every column of a parameter table is an ACTION that sets one value"));
            }
        });
        row(start + 2).tailMap(first).forEach((column, text) -> problems.add(new RuleSetProblem(file, start + 3, null,
                "column " + letter(column) + ": the row under ACTION must be empty (found '" + text + "')")));
        TreeMap<Integer, String> labels = row(start + 4);
        row(start + 3).tailMap(first).forEach((column, code) -> {
            Matcher snippet = SNIPPET.matcher(code);
            String where = "column " + letter(column);
            if (!snippet.matches()) {
                problems.add(new RuleSetProblem(file, start + 4, null, where + ": the code cell must read tables.cell(drools, \"<field>\", \"$param\"); (found '"
                        + code + "')"));
                return;
            }
            String field = snippet.group(1);
            if (section != null && !section.fields().contains(field)) {
                problems.add(new RuleSetProblem(file, start + 4, null, where + ": '" + field + "' is not a column of the "
                        + section.key() + " table (its columns: " + String.join(", ", section.fields()) + ")"));
                return;
            }
            for (Column earlier : byIndex.values()) {
                if (earlier.field().equals(field)) {
                    problems.add(new RuleSetProblem(file, start + 4, null, where + ": '" + field + "' is already set by column " + earlier.letter()));
                    return;
                }
            }
            byIndex.put(column, new Column(field, letter(column), labels.getOrDefault(column, field)));
        });
        types.tailMap(first).keySet().stream().filter(c -> !row(start + 3).containsKey(c)).forEach(column -> problems.add(
                new RuleSetProblem(file, start + 4, null, "column " + letter(column) + ": the ACTION column has no code cell")));
        if (section != null) {
            for (String required : section.required()) {
                if (byIndex.values().stream().noneMatch(c -> c.field().equals(required))) {
                    problems.add(new RuleSetProblem(file, start + 4, null, "the " + section.key() + " table has no column for '" + required
                            + "' (a code cell tables.cell(drools, \"" + required + "\", \"$param\");)"));
                }
            }
        }

        int row = start + 5;
        while (!row(row).tailMap(first).isEmpty()) {
            TreeMap<Integer, String> data = row(row);
            for (Map.Entry<Integer, String> cell : data.tailMap(first).entrySet()) {
                Column column = byIndex.get(cell.getKey());
                String text = cell.getValue();
                String where = column == null ? "column " + letter(cell.getKey()) : column.describe();
                if (column == null && !types.containsKey(cell.getKey())) {
                    problems.add(new RuleSetProblem(file, row + 1, null, where + ": the value has no column header above it"));
                } else if (column != null && (text.indexOf('\\') >= 0 || text.chars().anyMatch(Character::isISOControl))) {
                    problems.add(new RuleSetProblem(file, row + 1, null, where + ": backslashes and line breaks are not allowed in a value"));
                }
            }
            row++;
        }
        if (row == start + 5) {
            problems.add(new RuleSetProblem(file, start + 6, null, "the table has no rows: values start on the row under the column labels"));
        }
        Map.Entry<Integer, TreeMap<Integer, String>> after = cells.higherEntry(row);
        if (after != null) {
            problems.add(new RuleSetProblem(file, after.getKey() + 1, null, "the empty row " + (row + 1) + " ends the table, so row "
                    + (after.getKey() + 1) + " would be ignored: delete the empty row (nothing may follow the table)"));
        }
        if (problems.size() > before || section == null) {
            return null;
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        byIndex.values().forEach(c -> columns.put(c.field(), c));
        return new Layout(section, columns);
    }

    /** The key-value rows above the table: RuleSet names the section; Import and Variables are fixed. */
    private TableSection header(String file, int start, List<RuleSetProblem> problems) {
        TableSection section = null;
        boolean named = false;
        boolean imported = false;
        boolean variable = false;
        for (Map.Entry<Integer, TreeMap<Integer, String>> line : cells.headMap(start).entrySet()) {
            List<String> texts = new ArrayList<>(line.getValue().values());
            String key = texts.get(0);
            String value = texts.size() > 1 ? texts.get(1) : "";
            int row = line.getKey() + 1;
            switch (key.toLowerCase(Locale.ROOT)) {
                case "ruleset" -> {
                    named = true;
                    section = TableSection.byKey(value);
                    if (section == null) {
                        problems.add(new RuleSetProblem(file, row, null, "RuleSet '" + value + "' is not a parameter table; it must be one of: "
                                + String.join(", ", TableSection.keys())));
                    }
                }
                case "import" -> {
                    imported = true;
                    if (!value.equals(IMPORT)) {
                        problems.add(new RuleSetProblem(file, row, null, "Import must be exactly " + IMPORT + " (found '" + value + "')"));
                    }
                }
                case "variables" -> {
                    variable = true;
                    if (!value.equals(VARIABLES)) {
                        problems.add(new RuleSetProblem(file, row, null, "Variables must be exactly " + VARIABLES + " (found '" + value + "')"));
                    }
                }
                default -> {
                    if (FORBIDDEN.contains(key.toLowerCase(Locale.ROOT))) {
                        problems.add(new RuleSetProblem(file, row, null, "'" + key + "' is not allowed in a parameter table"));
                    }
                }
            }
        }
        if (!named) {
            problems.add(new RuleSetProblem(file, null, null, "has no RuleSet row naming the parameters it defines (one of: "
                    + String.join(", ", TableSection.keys()) + ")"));
        }
        if (!imported) {
            problems.add(new RuleSetProblem(file, null, null, "has no Import row (Import, " + IMPORT + ")"));
        }
        if (!variable) {
            problems.add(new RuleSetProblem(file, null, null, "has no Variables row (Variables, " + VARIABLES + ")"));
        }
        return section;
    }

    private TreeMap<Integer, String> row(int row) {
        return cells.getOrDefault(row, new TreeMap<>());
    }

    /** A spreadsheet column's letters: 0 -> A, 25 -> Z, 26 -> AA. */
    static String letter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column; c >= 0; c = c / 26 - 1) {
            letters.insert(0, (char) ('A' + c % 26));
        }
        return letters.toString();
    }

    private static String name(int row, int column) {
        return letter(column) + (row + 1);
    }
}
