package org.tcentre.gdpr.declaration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Cross-references the schema cannot express: ids are unique and every id an activity uses is declared.
 * Works on the raw tree so that it reports alongside schema errors, and skips parts whose shape is wrong
 * (the schema already reports those).
 */
final class ReferenceCheck {

    private final List<DeclarationProblem> problems = new ArrayList<>();

    private ReferenceCheck() {
    }

    static List<DeclarationProblem> of(JsonNode declaration) {
        var check = new ReferenceCheck();
        check.run(declaration);
        return check.problems;
    }

    private void run(JsonNode root) {
        Set<String> categories = ids(root.path("dataCategories"), "/dataCategories", "data category");
        Set<String> subjects = ids(root.path("dataSubjects"), "/dataSubjects", "data-subject category");
        Set<String> recipients = ids(root.path("recipients"), "/recipients", "recipient");
        Set<String> activities = ids(root.path("activities"), "/activities", "activity");

        JsonNode list = root.path("activities");
        for (int i = 0; i < list.size() && list.isArray(); i++) {
            JsonNode activity = list.get(i);
            String at = "/activities/" + i;
            Set<String> purposes = ids(activity.path("purposes"), at + "/purposes", "purpose");
            JsonNode data = activity.path("data");
            for (int j = 0; j < data.size() && data.isArray(); j++) {
                refer(data.get(j).path("category"), at + "/data/" + j + "/category", categories, "data category", "dataCategories");
                referAll(data.get(j).path("purposes"), at + "/data/" + j + "/purposes", purposes,
                        "purpose", "the activity's purposes");
            }
            referAll(activity.path("dataSubjects"), at + "/dataSubjects", subjects, "data-subject category", "dataSubjects");
            referAll(activity.path("recipients"), at + "/recipients", recipients, "recipient", "recipients");
            JsonNode transfers = activity.path("transfers");
            for (int k = 0; k < transfers.size() && transfers.isArray(); k++) {
                refer(transfers.get(k).path("recipient"), at + "/transfers/" + k + "/recipient", recipients, "recipient", "recipients");
            }
            referAll(activity.path("automatedDecision").path("inputs"), at + "/automatedDecision/inputs", categories,
                    "data category", "dataCategories");
            JsonNode from = activity.path("reuse").path("fromActivity");
            refer(from, at + "/reuse/fromActivity", activities, "activity", "activities");
            if (from.isString() && from.asString().equals(activity.path("id").asString(null))) {
                problems.add(DeclarationProblem.at(at + "/reuse/fromActivity", "an activity cannot reuse data from itself"));
            }
        }
        JsonNode stores = root.path("security").path("stores");
        for (int s = 0; s < stores.size() && stores.isArray(); s++) {
            referAll(stores.get(s).path("categories"), "/security/stores/" + s + "/categories", categories,
                    "data category", "dataCategories");
        }
        ids(stores, "/security/stores", "data store");
    }

    /** The ids of a list of objects; reports an id used twice. */
    private Set<String> ids(JsonNode list, String at, String what) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size() && list.isArray(); i++) {
            JsonNode id = list.get(i).path("id");
            if (id.isString() && !seen.add(id.asString())) {
                problems.add(DeclarationProblem.at(at + "/" + i + "/id",
                        "the " + what + " id '" + id.asString() + "' is declared twice; ids must be unique"));
            }
        }
        return seen;
    }

    private void referAll(JsonNode list, String at, Set<String> known, String what, String where) {
        for (int k = 0; k < list.size() && list.isArray(); k++) {
            refer(list.get(k), at + "/" + k, known, what, where);
        }
    }

    private void refer(JsonNode reference, String at, Set<String> known, String what, String where) {
        if (reference.isString() && !known.contains(reference.asString())) {
            String hint = known.isEmpty() ? "none is declared in " + where : "declared: " + String.join(", ", known);
            problems.add(DeclarationProblem.at(at, "'" + reference.asString() + "' is not a declared " + what + " (" + hint + ")"));
        }
    }
}
