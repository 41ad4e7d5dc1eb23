package org.tcentre.gdpr.evaluation;

import java.util.List;
import org.kie.api.runtime.KieSession;
import org.tcentre.gdpr.declaration.Activity;
import org.tcentre.gdpr.declaration.DataUse;
import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.declaration.Purpose;
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

        List<Activity> activities = declaration.activities();
        for (int i = 0; i < activities.size(); i++) {
            Activity activity = activities.get(i);
            String at = "/activities/" + i;
            add(session, findings, activity, at, activity);
            for (int k = 0; k < activity.purposes().size(); k++) {
                add(session, findings, new ActivityPurpose(activity, activity.purposes().get(k)), at + "/purposes/" + k, activity);
            }
            for (int k = 0; k < activity.sensors().size(); k++) {
                add(session, findings, new ActivitySensor(activity, activity.sensors().get(k)), at + "/sensors/" + k, activity);
            }
            for (int j = 0; j < activity.data().size(); j++) {
                DataUse use = activity.data().get(j);
                List<Purpose> purposes = activity.purposes().stream().filter(p -> use.purposes().contains(p.id())).toList();
                add(session, findings, new ActivityData(activity, declaration.dataCategory(use.category()), purposes),
                        at + "/data/" + j, activity);
            }
            for (int j = 0; j < activity.dataSubjects().size(); j++) {
                add(session, findings, new ActivitySubject(activity, declaration.dataSubject(activity.dataSubjects().get(j))),
                        at + "/dataSubjects/" + j, activity);
            }
            List<String> recipients = activity.recipients() == null ? List.of() : activity.recipients();
            for (int j = 0; j < recipients.size(); j++) {
                add(session, findings, new ActivityRecipient(activity, declaration.recipient(recipients.get(j))),
                        at + "/recipients/" + j, activity);
            }
            for (int k = 0; k < activity.transfers().size(); k++) {
                Transfer transfer = activity.transfers().get(k);
                var recipient = transfer.recipient() == null ? null : declaration.recipient(transfer.recipient());
                add(session, findings, new ActivityTransfer(activity, transfer, recipient), at + "/transfers/" + k, activity);
            }
        }
    }

    private static void addAll(KieSession session, Findings findings, List<?> facts, String at) {
        for (int i = 0; i < facts.size(); i++) {
            add(session, findings, facts.get(i), at + "/" + i, null);
        }
    }

    private static void add(KieSession session, Findings findings, Object fact, String pointer, Activity activity) {
        findings.locate(fact, pointer, activity == null ? null : activity.id(), activity == null ? null : activity.name());
        session.insert(fact);
    }
}
