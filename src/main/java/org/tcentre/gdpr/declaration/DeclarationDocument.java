package org.tcentre.gdpr.declaration;

import tools.jackson.databind.JsonNode;

/**
 * A declaration as submitted and validated: its exact bytes and their SHA-256 (what reports embed and
 * verification recomputes), the parsed tree (which evidence and JSON pointers refer to) and the typed model
 * the rules see.
 *
 * @param source the file name or other label it came from
 * @param format "json" or "yaml"
 */
public record DeclarationDocument(String source, String format, byte[] bytes, String sha256, JsonNode tree, Declaration model) {

    public String id() {
        return model.id();
    }
}
