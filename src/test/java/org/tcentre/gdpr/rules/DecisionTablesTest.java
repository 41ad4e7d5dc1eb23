package org.tcentre.gdpr.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcentre.gdpr.declaration.DataKind;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.declaration.PurposeKind;
import org.tcentre.gdpr.declaration.SubjectKind;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.evaluation.Finding;

/**
 * The parameter tables in rules/tables/ load to exactly the values parameters.yaml held before them, from CSV
 * or from a workbook; every bad cell is reported with its file, row and column; and a changed table changes
 * what the rules find.
 */
class DecisionTablesTest {

    static final String RETENTION = "tables/retention-ceilings.csv";
    static final String ADEQUACY = "tables/adequacy.csv";
    static final String AGES = "tables/age-of-digital-consent.csv";
    static final String DPIA = "tables/dpia.csv";

    @Test
    void the_shipped_tables_load_to_exactly_the_parameters_yaml_held_before_them() throws Exception {
        // parameters.yaml as it was before its four sections moved to tables (git: e1322da)
        Parameters before = ParametersLoader.load(Path.of("src/test/resources/parameters-before-tables"));

        assertThat(ParametersLoader.load(Path.of("rules"))).isEqualTo(before);
    }

    @Test
    void each_table_loads_to_its_exact_values() throws Exception {
        Parameters p = ParametersLoader.load(Path.of("rules"));

        assertThat(p.retentionCeilings()).hasSize(8);
        assertThat(p.retentionCeilings().get(0)).isEqualTo(new RetentionCeiling(null, PurposeKind.MARKETING, null, "P3Y", Map.of(),
                "counted from the last contact with the person"));
        assertThat(p.retentionCeilings().get(2)).isEqualTo(new RetentionCeiling(DataKind.CCTV_FOOTAGE, null, null, "P30D",
                Map.of("AT", "P3D"), "video surveillance footage; 72 hours in Austria"));
        assertThat(p.retentionCeilings().get(4)).isEqualTo(new RetentionCeiling(null, PurposeKind.RECRUITMENT, SubjectKind.JOB_APPLICANTS,
                "P6M", Map.of(), "after the recruitment procedure ends"));
        assertThat(p.retentionCeilings().get(7)).isEqualTo(new RetentionCeiling(DataKind.PRECISE_LOCATION, null, SubjectKind.EMPLOYEES,
                "P2M", Map.of(), "precise location of workers"));

        assertThat(p.adequacy()).extracting(Parameters.Adequacy::country)
                .containsExactly("AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY", "US");
        assertThat(p.adequacy().get(14)).isEqualTo(new Parameters.Adequacy("US", LocalDate.of(2023, 7, 10),
                Parameters.AdequacyCondition.DPF_CERTIFIED, "EU-US Data Privacy Framework: certified organisations only"));
        assertThat(p.adequacy().get(2)).isEqualTo(new Parameters.Adequacy("CA", LocalDate.of(2001, 12, 20),
                Parameters.AdequacyCondition.NONE, "Canada: commercial organisations under PIPEDA"));

        assertThat(p.ageOfDigitalConsent().defaultAge()).isEqualTo(16);
        assertThat(p.ageOfDigitalConsent().memberStates()).hasSize(18)
                .containsEntry("BE", 13).containsEntry("AT", 14).containsEntry("SI", 15).doesNotContainKey("DE");
        assertThat(p.ageOfDigitalConsent(List.of("DE", "BE"))).isEqualTo(16);

        assertThat(p.dpia()).isEqualTo(new Parameters.DpiaParameters(2, "P3Y"));
    }

    @Test
    void a_workbook_loads_exactly_like_the_csv_it_was_made_from(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        for (String table : List.of(RETENTION, ADEQUACY, AGES, DPIA)) {
            toWorkbook(rules.resolve(table), rules.resolve(table.replace(".csv", ".xlsx")), false);
            Files.delete(rules.resolve(table));
        }

        assertThat(ParametersLoader.load(rules)).isEqualTo(ParametersLoader.load(Path.of("rules")));
    }

    @Test
    void dates_typed_as_spreadsheet_dates_read_as_the_same_dates(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        toWorkbook(rules.resolve(ADEQUACY), rules.resolve("tables/adequacy.xlsx"), true);
        Files.delete(rules.resolve(ADEQUACY));

        assertThat(ParametersLoader.load(rules).adequacy()).isEqualTo(ParametersLoader.load(Path.of("rules")).adequacy());
    }

    @Test
    void a_bad_period_names_file_row_and_column(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        edit(rules.resolve(RETENTION), "cctv-footage,,,P30D,", "cctv-footage,,,P3X,");

        assertThat(problems(rules)).extracting(RuleSetProblem::toString).containsExactly(
                "tables/retention-ceilings.csv:13: column D (Maximum period): 'P3X' is not an ISO-8601 period such as P30D, P6M or P3Y");
    }

    @Test
    void an_unknown_country_code_names_file_row_and_column(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        edit(rules.resolve(ADEQUACY), "JP,2019-01-23", "XX,2019-01-23");
        edit(rules.resolve(RETENTION), "AT: P3D", "ZZ: P3D");

        assertThat(problems(rules)).extracting(RuleSetProblem::toString).containsExactly(
                "tables/adequacy.csv:18: column A (Country): 'XX' is not an ISO 3166-1 alpha-2 country code",
                "tables/retention-ceilings.csv:13: column E (National ceilings): 'ZZ' is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void a_missing_value_and_values_out_of_range_name_file_row_and_column(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        edit(rules.resolve(AGES), "BE,13", "BE,");
        edit(rules.resolve(AGES), "DK,13", "DK,12");
        edit(rules.resolve(DPIA), "2,P3Y", "ten,P3Y");
        edit(rules.resolve(ADEQUACY), "AR,2003-06-30", "AR,30/06/2003");
        edit(rules.resolve(RETENTION), "access-logs,,,P1Y", "access-log,,,P1Y");

        assertThat(problems(rules)).extracting(RuleSetProblem::toString).containsExactly(
                "tables/adequacy.csv:12: column B (Decided): '30/06/2003' is not a date such as 2021-06-28",
                "tables/age-of-digital-consent.csv:12: column B (Age): a value is needed",
                "tables/age-of-digital-consent.csv:13: column B (Age): '12' is not a whole number from 13 to 16 (Art. 8(1): 16, or lower but not below 13)",
                "tables/dpia.csv:11: column A (Criteria threshold): 'ten' is not a whole number from 1 to 9 (there are nine criteria; WP248: 2)",
                "tables/retention-ceilings.csv:16: column A (Data kind): 'access-log' is not a data kind (one of: "
                        + String.join(", ", Stream.of(DataKind.values()).map(DataKind::code).toList()) + ")");
    }

    @Test
    void a_malformed_header_is_reported_at_its_row(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        edit(rules.resolve(RETENTION), "\"\"max\"\"", "\"\"maximum\"\"");
        edit(rules.resolve(DPIA), "ACTION,ACTION", "CONDITION,ACTION");
        edit(rules.resolve(ADEQUACY), "RuleSet,adequacy", "RuleSet,adequacies");

        assertThat(problems(rules)).extracting(RuleSetProblem::toString).containsExactly(
                "tables/adequacy.csv:1: RuleSet 'adequacies' is not a parameter table; it must be one of: retentionCeilings, adequacy, ageOfDigitalConsent, dpia",
                "tables/dpia.csv:7: column A: 'CONDITION' columns are not supported here; every column of a parameter table is an ACTION that sets one value",
                "tables/retention-ceilings.csv:9: column D: 'maximum' is not a column of the retentionCeilings table (its columns: dataKind, purposeKind, subjectKind, max, memberStates, note)",
                "tables/retention-ceilings.csv:9: the retentionCeilings table has no column for 'max' (a code cell tables.cell(drools, \"max\", \"$param\");)");
    }

    @Test
    void a_table_is_code_so_only_the_one_snippet_and_plain_values_are_accepted(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        edit(rules.resolve(DPIA), "\"tables.cell(drools, \"\"reviewPeriod\"\", \"\"$param\"\");\"", "\"System.exit(1);\"");
        edit(rules.resolve(ADEQUACY), "Andorra", "Andorra\\\"); System.exit(1); //");
        edit(rules.resolve(AGES), "Import,org.tcentre.gdpr.rules.TableRows", "Import,java.lang.System");
        edit(rules.resolve(RETENTION), "RuleSet,retentionCeilings", "RuleSet,retentionCeilings\nFunctions,void boom() { System.exit(1); }");

        assertThat(problems(rules)).extracting(RuleSetProblem::toString).containsExactly(
                "tables/adequacy.csv:11: column D (Note): backslashes and line breaks are not allowed in a value",
                "tables/age-of-digital-consent.csv:2: Import must be exactly org.tcentre.gdpr.rules.TableRows (found 'java.lang.System')",
                "tables/dpia.csv:9: column B: the code cell must read tables.cell(drools, \"<field>\", \"$param\"); (found 'System.exit(1);')",
                "tables/dpia.csv:9: the dpia table has no column for 'reviewPeriod' (a code cell tables.cell(drools, \"reviewPeriod\", \"$param\");)",
                "tables/retention-ceilings.csv:2: 'Functions' is not allowed in a parameter table");
    }

    @Test
    void an_empty_row_inside_a_table_is_refused_rather_than_silently_ending_it(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        edit(rules.resolve(AGES), "MT,13\n", "MT,13\n,\n");

        assertThat(problems(rules)).extracting(RuleSetProblem::toString).containsExactly(
                "tables/age-of-digital-consent.csv:21: the empty row 20 ends the table, so row 21 would be ignored: delete the empty row (nothing may follow the table)");
    }

    @Test
    void a_file_that_is_not_a_workbook_is_reported_with_its_name(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        Files.writeString(rules.resolve("tables/extra.xlsx"), "not a workbook");

        assertThat(problems(rules)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("tables/extra.xlsx");
            assertThat(p.line()).isNull();
            assertThat(p.message()).startsWith("is not a readable Excel workbook (.xlsx): ");
        });
    }

    @Test
    void a_section_in_a_table_and_in_parameters_yaml_is_an_error_naming_both(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        String yaml = Files.readString(rules.resolve("parameters.yaml"));
        Files.writeString(rules.resolve("parameters.yaml"), yaml + "\ndpia: { criteriaThreshold: 3, reviewPeriod: P1Y }\n");

        assertThat(problems(rules)).extracting(RuleSetProblem::toString).containsExactly("parameters.yaml:"
                + (yaml.split("\n", -1).length + 1) + ": 'dpia' is defined both here and in tables/dpia.csv: keep one (remove it here to use the table)");
    }

    @Test
    void two_tables_for_one_section_are_an_error_naming_both(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        Files.copy(rules.resolve(DPIA), rules.resolve("tables/dpia-stricter.csv"));

        assertThat(problems(rules)).extracting(RuleSetProblem::toString).containsExactly(
                "tables/dpia.csv: defines dpia, which tables/dpia-stricter.csv already defines: keep one of the two");
    }

    @Test
    void a_section_defined_nowhere_is_reported_as_missing(@TempDir Path dir) throws Exception {
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        Files.delete(rules.resolve(DPIA));

        assertThat(problems(rules)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parameters.yaml");
            assertThat(p.message()).isEqualTo("the key 'dpia' is missing");
        });
    }

    @Test
    void lowering_the_cctv_ceiling_in_the_table_makes_prin_004_report_the_doorbell_clips(@TempDir Path dir) throws Exception {
        var example = new DeclarationReader().read(Path.of("docs/examples/smart-camera.yaml"));
        var check = new DeclarationCheck(Clock.systemUTC());
        Path rules = CompiledRuleCacheTest.copyOfRules(dir);
        assertThat(prin004(check.check(example, new RuleSetLoader().load(rules)).findings())).isEmpty();

        // the clips are kept 14 days; the ceiling for CCTV footage goes from 30 days to 7
        edit(rules.resolve(RETENTION), "cctv-footage,,,P30D,", "cctv-footage,,,P7D,");
        RuleSet lowered = new RuleSetLoader().load(rules);

        assertThat(prin004(check.check(example, lowered).findings())).singleElement().satisfies(f -> {
            assertThat(f.activityId()).isEqualTo("video-recording");
            assertThat(f.pointer()).isEqualTo("/activities/1/data/0");
        });
    }

    private static List<Finding> prin004(List<Finding> findings) {
        return findings.stream().filter(f -> f.ruleId().equals("PRIN-004")).toList();
    }

    /** The CSV's cells, as Drools' own CSV reader splits them, written to the first sheet of a new workbook. */
    static void toWorkbook(Path csv, Path xlsx, boolean datesAsDates) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet("Decision Tables");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            List<String> lines = Files.readAllLines(csv);
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = new CsvLineParser().parse(lines.get(r));
                for (int c = 0; c < cells.size(); c++) {
                    String text = cells.get(c);
                    if (datesAsDates && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        row.createCell(c).setCellValue(LocalDate.parse(text));
                        row.getCell(c).setCellStyle(date);
                    } else if (!text.isEmpty()) {
                        row.createCell(c).setCellValue(text);
                    }
                }
            }
            workbook.write(out);
        }
    }

    private static List<RuleSetProblem> problems(Path rules) {
        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));
        assertThat(refused).as("the rule set should be refused").isNotNull();
        return refused.problems().stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
