package org.tcentre.gdpr.declaration;

import java.util.regex.Pattern;

/** Turns parser messages into one readable sentence, without the parser's snippets and source echoes. */
final class SyntaxMessages {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:Object )?(?:property|field) \"([^\"]*)\"");

    private SyntaxMessages() {
    }

    static String plain(String parserMessage, String format) {
        String label = format.equals("json") ? "JSON" : "YAML";
        if (parserMessage == null) {
            return label + " syntax error";
        }
        if (parserMessage.startsWith("Trailing token")) {
            return format.equals("yaml")
                    ? "a declaration file holds one YAML document; a second one starts here"
                    : "unexpected content after the end of the JSON document";
        }
        var duplicate = DUPLICATE.matcher(parserMessage);
        if (duplicate.find()) {
            return label + " syntax error: the field '" + duplicate.group(1) + "' appears twice in the same section";
        }
        StringBuilder sentence = new StringBuilder();
        for (String line : parserMessage.split("\n")) {
            String t = line.strip();
            // snakeyaml echoes the offending line and a caret, and "in reader, line n, column m": drop them.
            if (t.isEmpty() || t.startsWith("in reader") || t.equals("^") || line.startsWith("    ")) {
                continue;
            }
            if (sentence.length() > 0) {
                sentence.append("; ");
            }
            sentence.append(t);
        }
        String text = sentence.toString()
                .replaceAll(" at \\[Source: .*$", "")
                .replaceAll("\\(code \\d+\\)", "")
                .replaceAll("\\s+", " ").strip();
        return label + " syntax error: " + text;
    }
}
