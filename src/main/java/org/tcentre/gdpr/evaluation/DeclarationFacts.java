package org.tcentre.gdpr.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.KieSession;
import org.tcentre.gdpr.declaration.Activity;
import org.tcentre.gdpr.declaration.DataCategory;
import org.tcentre.gdpr.declaration.DataSubjectCategory;
import org.tcentre.gdpr.declaration.DataUse;
import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.declaration.Purpose;
import org.tcentre.gdpr.declaration.Recipient;
import org.tcentre.gdpr.declaration.Transfer;

/**
 * Puts a declaration into a session as flat facts that rules match directly (rather than iterating nested
 * lists with {@code from}), and tells {@link Findings} where each fact sits in the declaration.
 */
final class DeclarationFacts {

    private DeclarationFacts() {
    }

    static void insert(Declaration declaration, KieSession session, Findings findings) {
        add(session, findings, declaration, "", null);
        add(session, findings, declaration.product(), "/product", null);
        add(session, findings, declaration.controller(), "/controller", null);
        add(session, findings, declaration.dpo(), "/dpo", null);
        add(session, findings, declaration.security(), "/security", null);
        add(session, findings, declaration.rights(), "/rights", null);
        add(session, findings, declaration.breach(), "/breach", null);
        add(session, findings, declaration.eprivacy(), "/eprivacy", null);
        addAll(session, findings, declaration.dataCategories(), "/dataCategories");
        addAll(session, findings, declaration.dataSubjects(), "/dataSubjects");
        addAll(session, findings, declaration.recipients(), "/recipients");

        // Ids are unique within a validated declaration; the first entry wins, as with Declaration.dataCategory(id).
        Map<String, DataCategory> categoriesById = byId(declaration.dataCategories(), DataCategory::id);
        Map<String, DataSubjectCategory> subjectsById = byId(declaration.dataSubjects(), DataSubjectCategory::id);
        Map<String, Recipient> recipientsById = byId(declaration.recipients(), Recipient::id);

        List<Activity> activities = declaration.activities();
        for (int i = 0; i < activities.size(); i++) {
            Activity activity = activities.get(i);
            String at = "/activities/" + i;
            add(session, findings, activity, at, activity);
            List<Purpose> activityPurposes = activity.purposes();
            for (int k = 0; k < activityPurposes.size(); k++) {
                add(session, findings, new ActivityPurpose(activity, activityPurposes.get(k)), at, "/purposes", k, activity);
            }
            for (int k = 0; k < activity.sensors().size(); k++) {
                add(session, findings, new ActivitySensor(activity, activity.sensors().get(k)), at, "/sensors", k, activity);
            }
            List<DataUse> uses = activity.data();
            List<DataCategory> categories = new ArrayList<>(uses.size());
            for (int j = 0; j < uses.size(); j++) {
                DataUse use = uses.get(j);
                List<Purpose> purposes = new ArrayList<>(use.purposes().size());
                for (Purpose purpose : activityPurposes) {
                    if (use.purposes().contains(purpose.id())) {
                        purposes.add(purpose);
                    }
                }
                DataCategory category = categoriesById.get(use.category());
                categories.add(category);
                add(session, findings, new ActivityData(activity, category, List.copyOf(purposes)), at, "/data", j, activity);
            }
            List<String> subjectIds = activity.dataSubjects();
            List<DataSubjectCategory> subjects = new ArrayList<>(subjectIds.size());
            for (int j = 0; j < subjectIds.size(); j++) {
                DataSubjectCategory subject = subjectsById.get(subjectIds.get(j));
                subjects.add(subject);
                add(session, findings, new ActivitySubject(activity, subject), at, "/dataSubjects", j, activity);
            }
            add(session, findings, ActivityProfile.of(activity, categories, subjects), at, activity);
            List<String> recipients = activity.recipients() == null ? List.of() : activity.recipients();
            for (int j = 0; j < recipients.size(); j++) {
                add(session, findings, new ActivityRecipient(activity, recipientsById.get(recipients.get(j))),
                        at, "/recipients", j, activity);
            }
            for (int k = 0; k < activity.transfers().size(); k++) {
                Transfer transfer = activity.transfers().get(k);
                var recipient = transfer.recipient() == null ? null : recipientsById.get(transfer.recipient());
                add(session, findings, new ActivityTransfer(activity, transfer, recipient), at, "/transfers", k, activity);
            }
        }
    }

    private static <T> Map<String, T> byId(List<T> entries, java.util.function.Function<T, String> id) {
        Map<String, T> map = new HashMap<>(entries.size() * 2);
        for (T entry : entries) {
            map.putIfAbsent(id.apply(entry), entry);
        }
        return map;
    }

    private static void addAll(KieSession session, Findings findings, List<?> facts, String at) {
        for (int i = 0; i < facts.size(); i++) {
            add(session, findings, facts.get(i), at, "", i, null);
        }
    }

    private static void add(KieSession session, Findings findings, Object fact, String pointer, Activity activity) {
        add(session, findings, fact, pointer, "", -1, activity);
    }

    /** Adds an entry of a list, at {@code at + list + "/" + index}. */
    private static void add(KieSession session, Findings findings, Object fact, String at, String list, int index,
                            Activity activity) {
        findings.locate(fact, at, list, index, activity == null ? null : activity.id(), activity == null ? null : activity.name());
        session.insert(fact);
    }
}
