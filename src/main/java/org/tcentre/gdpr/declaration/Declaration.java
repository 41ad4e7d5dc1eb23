package org.tcentre.gdpr.declaration;

import java.util.List;

/**
 * A product team's declaration of how its product processes personal data: the content of a GDPR
 * Art. 30 record and the further facts the rule set needs. Read from JSON or YAML by {@link DeclarationReader}.
 *
 * <p>Nested objects that a draft may leave out are never null: they default to an empty value, so a rule
 * reads {@code consent.recorded} without null checks and a missing block simply means "nothing declared".
 * The one deliberate exception is {@link Activity#recipients()}, where "not stated" and "none" differ.
 */
public record Declaration(
        int formatVersion,
        String id,
        Product product,
        Controller controller,
        Dpo dpo,
        List<DataCategory> dataCategories,
        List<DataSubjectCategory> dataSubjects,
        List<Recipient> recipients,
        List<Activity> activities,
        Security security,
        Rights rights,
        BreachHandling breach,
        Eprivacy eprivacy) {

    public Declaration {
        product = product == null ? Product.EMPTY : product;
        controller = controller == null ? Controller.EMPTY : controller;
        dpo = dpo == null ? Dpo.EMPTY : dpo;
        dataCategories = Lists.of(dataCategories);
        dataSubjects = Lists.of(dataSubjects);
        recipients = Lists.of(recipients);
        activities = Lists.of(activities);
        security = security == null ? Security.EMPTY : security;
        rights = rights == null ? Rights.EMPTY : rights;
        breach = breach == null ? BreachHandling.EMPTY : breach;
        eprivacy = eprivacy == null ? Eprivacy.EMPTY : eprivacy;
    }

    public DataCategory dataCategory(String id) {
        return dataCategories.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    public DataSubjectCategory dataSubject(String id) {
        return dataSubjects.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    public Recipient recipient(String id) {
        return recipients.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    public Activity activity(String id) {
        return activities.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }
}
