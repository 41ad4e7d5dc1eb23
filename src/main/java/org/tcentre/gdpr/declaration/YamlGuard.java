package org.tcentre.gdpr.declaration;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Refuses YAML aliases ({@code *name}) before the text is read into a tree. Jackson would not expand them
 * (it reads an alias as the plain string "name", silently changing the meaning), and refusing them outright
 * also closes the door on alias bombs ("billion laughs"). The scan is a single streaming pass over parser
 * events, so it is linear in the size of the text.
 */
final class YamlGuard {

    private static final LoadSettings SETTINGS = LoadSettings.builder().build();

    private YamlGuard() {
    }

    static void check(String text) throws InvalidDeclarationException {
        var parser = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text));
        try {
            while (parser.hasNext()) {
                Event event = parser.next();
                if (event.getEventId() == Event.ID.Alias) {
                    Mark mark = event.getStartMark().orElse(null);
                    String message = "YAML aliases (*name) are not supported in declarations: write the value out in full";
                    throw new InvalidDeclarationException(mark == null
                            ? DeclarationProblem.at("", message)
                            : DeclarationProblem.syntax(message, mark.getLine() + 1, mark.getColumn() + 1));
                }
            }
        } catch (YamlEngineException e) {
            // A syntax error: Jackson's parse reports it with its location next.
        }
    }
}
