package org.tcentre.gdpr.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.tcentre.gdpr.declaration.DataKind;
import org.tcentre.gdpr.declaration.PurposeKind;
import org.tcentre.gdpr.declaration.Retention;
import org.tcentre.gdpr.declaration.SubjectKind;

/**
 * The sections of {@link Parameters} a decision table may define, each with its columns and the checks on its
 * cells. A table's rows become the same plain value the section would have in {@code parameters.yaml}, so the
 * parameters are built, and checked once more, exactly as if they had been written there.
 */
enum TableSection {

    /** Art. 5(1)(e) retention ceilings (PRIN-004): one row per ceiling. */
    RETENTION_CEILINGS("retentionCeilings", List.of("dataKind", "purposeKind", "subjectKind", "max", "memberStates", "note"),
            List.of("max")) {
        @Override
        Object assemble(Map<Integer, Map<String, String>> rows, Cells cells) {
            List<Map<String, Object>> ceilings = new ArrayList<>();
            rows.forEach((row, values) -> {
                Map<String, Object> ceiling = new LinkedHashMap<>();
                putIfValid(ceiling, "dataKind", cells.code(row, values, "dataKind", "a data kind", DataKind.values(), DataKind::code));
                putIfValid(ceiling, "purposeKind", cells.code(row, values, "purposeKind", "a purpose kind", PurposeKind.values(), PurposeKind::code));
                putIfValid(ceiling, "subjectKind", cells.code(row, values, "subjectKind", "a subject kind", SubjectKind.values(), SubjectKind::code));
                if (!values.containsKey("dataKind") && !values.containsKey("purposeKind") && !values.containsKey("subjectKind")) {
                    cells.atRow(row, "a retention ceiling must name a data kind, a purpose kind or a subject kind");
                }
                putIfValid(ceiling, "max", cells.period(row, values, "max", true));
                String national = values.get("memberStates");
                if (national != null) {
                    ceiling.put("memberStates", cells.nationalPeriods(row, national));
                }
                putIfValid(ceiling, "note", values.get("note"));
                ceilings.add(ceiling);
            });
            return ceilings;
        }
    },

    /** Art. 45 adequacy decisions (TRF-002): one row per country. */
    ADEQUACY("adequacy", List.of("country", "decided", "condition", "note"), List.of("country", "decided")) {
        @Override
        Object assemble(Map<Integer, Map<String, String>> rows, Cells cells) {
            List<Map<String, Object>> decisions = new ArrayList<>();
            Map<String, Integer> seen = new LinkedHashMap<>();
            rows.forEach((row, values) -> {
                Map<String, Object> decision = new LinkedHashMap<>();
                String country = cells.country(row, values, "country");
                if (country != null) {
                    Integer earlier = seen.putIfAbsent(country, row);
                    if (earlier != null) {
                        cells.at(row, "country", country + " is already listed in row " + earlier);
                    }
                }
                putIfValid(decision, "country", country);
                putIfValid(decision, "decided", cells.date(row, values, "decided"));
                String condition = values.get("condition");
                if (condition != null && Arrays.stream(Parameters.AdequacyCondition.values()).noneMatch(c -> c.code().equals(condition))) {
                    cells.at(row, "condition", "'" + condition + "' is not a condition (leave it empty, or write dpf-certified)");
                }
                putIfValid(decision, "condition", condition);
                putIfValid(decision, "note", values.get("note"));
                decisions.add(decision);
            });
            return decisions;
        }
    },

    /** Art. 8(1) age of digital consent: a 'default' row and one row per Member State that set its own. */
    AGE_OF_DIGITAL_CONSENT("ageOfDigitalConsent", List.of("memberState", "age"), List.of("memberState", "age")) {
        @Override
        Object assemble(Map<Integer, Map<String, String>> rows, Cells cells) {
            Integer defaultAge = null;
            Map<String, Object> states = new LinkedHashMap<>();
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (Map.Entry<Integer, Map<String, String>> entry : rows.entrySet()) {
                int row = entry.getKey();
                Map<String, String> values = entry.getValue();
                String state = values.get("memberState");
                Integer age = cells.integer(row, values, "age", 13, 16, "(Art. 8(1): 16, or lower but not below 13)");
                if (state == null) {
                    cells.at(row, "memberState", "a value is needed (a Member State's code, or 'default')");
                    continue;
                }
                String key = state.equalsIgnoreCase("default") ? "default" : state;
                Integer earlier = seen.putIfAbsent(key, row);
                if (earlier != null) {
                    cells.at(row, "memberState", key + " is already given in row " + earlier);
                } else if (key.equals("default")) {
                    defaultAge = age;
                } else if (cells.country(row, values, "memberState") != null) {
                    states.put(state, age);
                }
            }
            if (!seen.containsKey("default")) {
                cells.atFile("has no row for the 'default' age (16 unless a Member State set a lower one)");
            }
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("default", defaultAge);
            section.put("memberStates", states);
            return section;
        }
    },

    /** Art. 35 DPIA criteria (DPIA-002, DPIA-003): exactly one row. */
    DPIA("dpia", List.of("criteriaThreshold", "reviewPeriod"), List.of("criteriaThreshold", "reviewPeriod")) {
        @Override
        Object assemble(Map<Integer, Map<String, String>> rows, Cells cells) {
            Map<String, Object> section = new LinkedHashMap<>();
            rows.forEach((row, values) -> {
                if (!section.isEmpty()) {
                    cells.atRow(row, "the dpia table has exactly one row of values");
                    return;
                }
                section.put("criteriaThreshold", cells.integer(row, values, "criteriaThreshold", 1, 9, "(there are nine criteria; WP248: 2)"));
                section.put("reviewPeriod", cells.period(row, values, "reviewPeriod", true));
            });
            return section;
        }
    };

    private final String key;
    private final List<String> fields;
    private final List<String> required;

    TableSection(String key, List<String> fields, List<String> required) {
        this.key = key;
        this.fields = fields;
        this.required = required;
    }

    /** The section's key in parameters.yaml, and the table's RuleSet. */
    String key() {
        return key;
    }

    List<String> fields() {
        return fields;
    }

    List<String> required() {
        return required;
    }

    /**
     * The section's value, as parameters.yaml would hold it, from the table's rows (spreadsheet row -> field -> text);
     * each bad cell is reported to {@code cells} with its row and column.
     */
    abstract Object assemble(Map<Integer, Map<String, String>> rows, Cells cells);

    static TableSection byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst().orElse(null);
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(TableSection::key).toList();
    }

    private static void putIfValid(Map<String, Object> target, String field, Object value) {
        if (value != null) {
            target.put(field, value);
        }
    }

    /** Reads and checks cells of one table, reporting each fault at its file, row and column. */
    static final class Cells {

        private static final DateTimeFormatter SPREADSHEET_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

        private final String file;
        private final Map<String, TableSheet.Column> columns;
        private final List<RuleSetProblem> problems;

        /** {@code columns} may be empty (a table read from the compiled cache): faults then name the field. */
        Cells(String file, Map<String, TableSheet.Column> columns, List<RuleSetProblem> problems) {
            this.file = file;
            this.columns = columns;
            this.problems = problems;
        }

        void at(int row, String field, String message) {
            TableSheet.Column column = columns.get(field);
            problems.add(new RuleSetProblem(file, row, null, (column == null ? "column '" + field + "'" : column.describe()) + ": " + message));
        }

        void atRow(int row, String message) {
            problems.add(new RuleSetProblem(file, row, null, message));
        }

        void atFile(String message) {
            problems.add(new RuleSetProblem(file, null, null, message));
        }

        private String required(int row, Map<String, String> values, String field) {
            String value = values.get(field);
            if (value == null) {
                at(row, field, "a value is needed");
            }
            return value;
        }

        <K extends Enum<K>> String code(int row, Map<String, String> values, String field, String what, K[] known, Function<K, String> code) {
            String value = values.get(field);
            if (value == null || Arrays.stream(known).anyMatch(k -> code.apply(k).equals(value))) {
                return value;
            }
            at(row, field, "'" + value + "' is not " + what + " (one of: " + String.join(", ", Arrays.stream(known).map(code).toList()) + ")");
            return null;
        }

        String period(int row, Map<String, String> values, String field, boolean needed) {
            String value = needed ? required(row, values, field) : values.get(field);
            if (value == null) {
                return null;
            }
            if (!validPeriod(value)) {
                at(row, field, "'" + value + "' is not an ISO-8601 period such as P30D, P6M or P3Y");
                return null;
            }
            return value;
        }

        String country(int row, Map<String, String> values, String field) {
            String value = required(row, values, field);
            if (value == null) {
                return null;
            }
            try {
                Parameters.checkCountry(value);
                return value;
            } catch (IllegalArgumentException e) {
                at(row, field, e.getMessage());
                return null;
            }
        }

        /** A date as 2010-10-19, or a spreadsheet date cell (which Drools hands over as 19-Oct-2010). */
        String date(int row, Map<String, String> values, String field) {
            String value = required(row, values, field);
            if (value == null) {
                return null;
            }
            String text = value;
            try {
                return LocalDate.parse(text).toString();
            } catch (DateTimeParseException notIso) {
                try {
                    return LocalDate.parse(text, SPREADSHEET_DATE).toString();
                } catch (DateTimeParseException e) {
                    at(row, field, "'" + value + "' is not a date such as 2021-06-28");
                    return null;
                }
            }
        }

        Integer integer(int row, Map<String, String> values, String field, int min, int max, String why) {
            String value = required(row, values, field);
            if (value == null) {
                return null;
            }
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            at(row, field, "'" + value + "' is not a whole number from " + min + " to " + max + " " + why);
            return null;
        }

        /** National ceilings in one cell: "AT: P3D" or "AT: P3D, DE: P14D" (commas or semicolons between them). */
        Map<String, String> nationalPeriods(int row, String text) {
            Map<String, String> periods = new LinkedHashMap<>();
            for (String part : text.split("[,;]")) {
                String[] pair = part.strip().split("\\s*:\\s*", -1);
                if (pair.length != 2 || pair[0].isEmpty()) {
                    at(row, "memberStates", "'" + part.strip() + "' is not a national ceiling such as 'AT: P3D'");
                    continue;
                }
                try {
                    Parameters.checkCountry(pair[0]);
                } catch (IllegalArgumentException e) {
                    at(row, "memberStates", e.getMessage());
                    continue;
                }
                if (!validPeriod(pair[1])) {
                    at(row, "memberStates", "'" + pair[1] + "' (for " + pair[0] + ") is not an ISO-8601 period such as P30D, P6M or P3Y");
                    continue;
                }
                if (periods.put(pair[0], pair[1]) != null) {
                    at(row, "memberStates", pair[0] + " is given twice");
                }
            }
            return periods;
        }

        private static boolean validPeriod(String value) {
            try {
                return Retention.days(value) > 0;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
