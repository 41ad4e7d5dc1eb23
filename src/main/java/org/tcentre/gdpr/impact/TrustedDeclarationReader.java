package org.tcentre.gdpr.impact;

import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationProblem;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The fast path for declarations the service stored: they passed {@code DeclarationReader} (schema, references)
 * when they were submitted, so they are parsed and bound to the model without validating them again. JSON Schema
 * validation costs several times the parse (docs/performance.md), and a preview re-reads every stored
 * declaration. The model is bound exactly as {@code DeclarationReader} binds it (same features), so the rules see
 * the same facts; {@code TrustedDeclarationReaderTest} checks the findings are identical. A stored declaration that
 * no longer binds (a model change since) is reported as an error of the preview, never evaluated half-read.
 */
final class TrustedDeclarationReader {

    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * @param format "json" or "yaml", as stored
     * @param sha256 the stored SHA-256 of the bytes
     */
    DeclarationDocument read(byte[] bytes, String source, String format, String sha256) throws InvalidDeclarationException {
        try {
            JsonNode tree = ("yaml".equals(format) ? yaml : json).readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new InvalidDeclarationException(DeclarationProblem.at("", "the stored declaration is not an object"));
            }
            Declaration model = json.treeToValue(tree, Declaration.class);
            return new DeclarationDocument(source, format, bytes, sha256, tree, model);
        } catch (JacksonException e) {
            throw new InvalidDeclarationException(DeclarationProblem.at("",
                    "the stored declaration no longer reads: " + e.getOriginalMessage()));
        }
    }
}
