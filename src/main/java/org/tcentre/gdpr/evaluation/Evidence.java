package org.tcentre.gdpr.evaluation;

import tools.jackson.databind.JsonNode;

/** The declared value a finding points at, as a short text for reports. */
final class Evidence {

    static final String NOT_DECLARED = "(not declared)";
    private static final int MAX = 300;

    private Evidence() {
    }

    static String at(JsonNode tree, String pointer) {
        JsonNode value = tree.at(pointer);
        if (value.isMissingNode() || value.isNull()) {
            return NOT_DECLARED;
        }
        String text = value.isValueNode() ? value.asString() : value.toString();
        return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
    }
}
