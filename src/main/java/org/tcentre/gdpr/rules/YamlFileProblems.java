package org.tcentre.gdpr.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.PropertyBindingException;

/** Turns a failure to read a rule-set YAML file into a problem a privacy officer can act on, with its line. */
final class YamlFileProblems {

    private YamlFileProblems() {
    }

    static RuleSetProblem of(String file, String text, JacksonException e) {
        String message;
        Integer keyLine = null;
        if (e instanceof PropertyBindingException unknown) {
            keyLine = lineOfKey(text, unknown.getPropertyName());
            message = "unknown key '" + unknown.getPropertyName() + "'" + (unknown.getKnownPropertyIds() == null ? ""
                    : " (known keys here: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ")");
        } else if (e.getCause() instanceof IllegalArgumentException invalid) {
            message = invalid.getMessage();
        } else {
            message = e.getOriginalMessage().replaceAll("\\(class [^)]*\\)", "").replaceAll("`[a-z.]+\\.", "`")
                    .replaceAll("\\s+", " ").strip();
        }
        if (keyLine != null) {
            return new RuleSetProblem(file, keyLine, null, message);
        }
        TokenStreamLocation where = e.getLocation();
        return new RuleSetProblem(file, where == null || where.getLineNr() < 1 ? null : where.getLineNr(),
                where == null || where.getColumnNr() < 1 ? null : where.getColumnNr(), message);
    }

    /**
     * The line of an unknown key. Jackson has already skipped past the key's value when it reports it, so its
     * location points after the value; the key's first occurrence in the text is where the author looks.
     */
    private static Integer lineOfKey(String text, String key) {
        Matcher m = Pattern.compile("(^|[\\s{,-])" + Pattern.quote(key) + "\\s*:", Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            return null;
        }
        return (int) text.substring(0, m.end(1)).chars().filter(c -> c == '\n').count() + 1;
    }
}
