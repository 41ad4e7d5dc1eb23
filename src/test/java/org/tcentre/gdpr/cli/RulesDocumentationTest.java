package org.tcentre.gdpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.rules.RuleSetLoader;

/** docs/rules.md lists every rule exactly as the rule files declare it. */
class RulesDocumentationTest {

    static final String START = "<!-- rules-table:start -->\n";
    static final String END = "<!-- rules-table:end -->";

    @Test
    void the_rule_table_in_docs_matches_the_rule_set() throws Exception {
        String generated = RulesCheckCommand.markdownTable(new RuleSetLoader().load(Path.of("rules")));
        String doc = Files.readString(Path.of("docs/rules.md"));
        String documented = doc.substring(doc.indexOf(START) + START.length(), doc.indexOf(END));
        if (Boolean.getBoolean("rules.table.update") && !documented.equals(generated)) {
            Files.writeString(Path.of("docs/rules.md"), doc.replace(START + documented + END, START + generated + END));
            documented = generated;
        }

        assertThat(documented)
                .as("docs/rules.md is out of date: run ./mvnw test -Dtest=RulesDocumentationTest -Drules.table.update=true"
                        + " (or paste the output of 'java -jar target/gdpr-checker.jar rules check --markdown')")
                .isEqualTo(generated);
    }
}
