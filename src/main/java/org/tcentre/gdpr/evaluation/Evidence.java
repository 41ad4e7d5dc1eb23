package org.tcentre.gdpr.evaluation;

import tools.jackson.databind.JsonNode;

/** The declared value a finding points at, as a short text for reports. */
final class Evidence {

    static final String NOT_DECLARED = "(not declared)";
    private static final int MAX = 300;

    private Evidence() {
    }

    static String at(JsonNode tree, String pointer) {
        JsonNode value = find(tree, pointer);
        if (value == null || value.isMissingNode() || value.isNull()) {
            return NOT_DECLARED;
        }
        String text = value.isValueNode() ? value.asString() : value.toString();
        return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
    }

    /**
     * The node at a JSON pointer, or null where there is none: what {@code tree.at(pointer)} finds, without
     * compiling the pointer for every finding. Pointers without escapes ("~"), which are all the checker makes,
     * are walked directly; any other is left to Jackson.
     */
    static JsonNode find(JsonNode tree, String pointer) {
        if (pointer.isEmpty()) {
            return tree;
        }
        if (pointer.charAt(0) != '/' || pointer.indexOf('~') >= 0) {
            return tree.at(pointer);
        }
        JsonNode node = tree;
        int from = 1;
        while (node != null) {
            int end = pointer.indexOf('/', from);
            String segment = end < 0 ? pointer.substring(from) : pointer.substring(from, end);
            if (node.isObject()) {
                node = node.get(segment);
            } else if (node.isArray()) {
                int index = index(segment);
                node = index < 0 ? null : node.get(index);
            } else {
                return null;
            }
            if (end < 0) {
                return node;
            }
            from = end + 1;
        }
        return null;
    }

    /** A segment as an array index, as JSON Pointer reads it (digits, no leading zero), or -1. */
    private static int index(String segment) {
        int length = segment.length();
        if (length == 0 || length > 9 || (length > 1 && segment.charAt(0) == '0')) {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < length; i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }
}
