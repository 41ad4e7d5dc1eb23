package org.tcentre.gdpr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Realistic declarations of any size: the fitness-tracker example's activities, repeated with fresh ids. */
final class BenchmarkDeclarations {

    private BenchmarkDeclarations() {
    }

    /** The fitness-tracker example with exactly {@code activities} activities, as JSON bytes. */
    static byte[] withActivities(int activities) throws IOException {
        ObjectNode root = (ObjectNode) YAMLMapper.builder().build()
                .readTree(Files.readString(Path.of("docs/examples/fitness-tracker.yaml")));
        ArrayNode template = (ArrayNode) root.get("activities");
        ArrayNode scaled = root.arrayNode();
        for (int i = 0; i < activities; i++) {
            ObjectNode activity = (ObjectNode) template.get(i % template.size()).deepCopy();
            if (i >= template.size()) {
                activity.put("id", activity.get("id").asString() + "-" + i);
            }
            activity.remove("reuse");
            scaled.add(activity);
        }
        root.set("activities", scaled);
        return JsonMapper.builder().build().writeValueAsBytes(root);
    }

    static JsonNode tree(byte[] json) {
        return JsonMapper.builder().build().readTree(json);
    }
}
