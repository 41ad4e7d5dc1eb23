package org.tcentre.gdpr.declaration;

import tools.jackson.databind.JsonNode;

/** Names JSON value types the way a product manager would. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a section of named fields";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isBoolean()) {
            return "true/false (" + node.asString() + ")";
        }
        if (node.isIntegralNumber()) {
            return "a whole number (" + node.asString() + ")";
        }
        if (node.isNumber()) {
            return "a number (" + node.asString() + ")";
        }
        if (node.isNull()) {
            return "an empty value (null)";
        }
        return "text (\"" + abbreviate(node.asString()) + "\")";
    }

    static String schemaType(String type) {
        return switch (type) {
            case "object" -> "a section of named fields";
            case "array" -> "a list";
            case "boolean" -> "true or false";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "string" -> "text";
            case "null" -> "null";
            default -> type;
        };
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
