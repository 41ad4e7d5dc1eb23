package org.tcentre.gdpr.rulecases;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a case's {@code set} and {@code remove} to a copy of a base declaration, by JSON pointer.
 * {@code set} creates missing objects on the way; an array index equal to the array's size (or "-") appends.
 */
final class DeclarationPatch {

    private DeclarationPatch() {
    }

    static JsonNode apply(JsonNode base, Map<String, JsonNode> set, List<String> remove) {
        JsonNode copy = base.deepCopy();
        for (String pointer : remove) {
            JsonNode parent = copy.at(parentOf(pointer));
            String last = lastOf(pointer);
            if (parent instanceof ObjectNode object && object.has(last)) {
                object.remove(last);
            } else if (parent instanceof ArrayNode array && isIndex(last) && Integer.parseInt(last) < array.size()) {
                array.remove(Integer.parseInt(last));
            } else {
                throw new IllegalArgumentException("remove: nothing at " + pointer + " in the base declaration");
            }
        }
        for (Map.Entry<String, JsonNode> entry : set.entrySet()) {
            put(copy, entry.getKey(), entry.getValue());
        }
        return copy;
    }

    private static void put(JsonNode root, String pointer, JsonNode value) {
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("set: '" + pointer + "' is not a JSON pointer (it starts with /)");
        }
        String[] segments = pointer.substring(1).split("/", -1);
        JsonNode node = root;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i].replace("~1", "/").replace("~0", "~");
            boolean last = i == segments.length - 1;
            if (node instanceof ObjectNode object) {
                if (last) {
                    object.set(segment, value.deepCopy());
                } else {
                    if (!object.has(segment) || !object.get(segment).isContainer()) {
                        object.set(segment, isIndex(segments[i + 1]) ? object.arrayNode() : object.objectNode());
                    }
                    node = object.get(segment);
                }
            } else if (node instanceof ArrayNode array) {
                int index = segment.equals("-") ? array.size() : Integer.parseInt(segment);
                if (index > array.size()) {
                    throw new IllegalArgumentException("set: " + pointer + " skips array positions");
                }
                if (last) {
                    if (index == array.size()) {
                        array.add(value.deepCopy());
                    } else {
                        array.set(index, value.deepCopy());
                    }
                } else {
                    if (index == array.size()) {
                        array.add(isIndex(segments[i + 1]) ? array.arrayNode() : array.objectNode());
                    }
                    node = array.get(index);
                }
            } else {
                throw new IllegalArgumentException("set: " + pointer + " goes through a value that is not an object or a list");
            }
        }
    }

    private static boolean isIndex(String segment) {
        return segment.equals("-") || (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit));
    }

    private static String parentOf(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String lastOf(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }
}
