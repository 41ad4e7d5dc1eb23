package org.tcentre.gdpr.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvidenceTest {

    private static final JsonNode TREE = JsonMapper.builder().build().readTree("""
            {"a": {"b": [10, {"c": "x"}, null], "": 1, "x/y": 2, "m~n": 3}, "list": [[0, 1]], "n": null}""");

    @ParameterizedTest
    @ValueSource(strings = {"", "/a", "/a/b", "/a/b/0", "/a/b/1/c", "/a/b/2", "/a/b/3", "/a/b/01", "/a/b/-1", "/a/b/x",
            "/a/", "/a/x~1y", "/a/m~0n", "/list/0/1", "/list/0/1/deeper", "/n", "/n/x", "/missing", "/missing/0",
            "/a/b/1/c/d", "/a/b/99999999999"})
    void findsWhatJacksonFinds(String pointer) {
        JsonNode expected = TREE.at(pointer);
        JsonNode found = Evidence.find(TREE, pointer);
        if (expected.isMissingNode()) {
            assertThat(found == null || found.isMissingNode()).as(pointer).isTrue();
        } else {
            assertThat(found).as(pointer).isSameAs(expected);
        }
        assertThat(Evidence.at(TREE, pointer)).as(pointer)
                .isEqualTo(expected.isMissingNode() || expected.isNull() ? Evidence.NOT_DECLARED
                        : expected.isValueNode() ? expected.asString() : expected.toString());
    }
}
