package org.tcentre.gdpr.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.tcentre.gdpr.declaration.Activity;
import org.tcentre.gdpr.declaration.DataCategory;
import org.tcentre.gdpr.declaration.DataKind;
import org.tcentre.gdpr.declaration.DataSubjectCategory;

/**
 * Fact: what an activity's data uses and data subjects add up to, derived once per evaluation so that rules
 * match it instead of each accumulating over {@link ActivityData} and {@link ActivitySubject}. Located at the
 * activity (/activities/i).
 *
 * @param activity            the activity
 * @param sensitiveUses       how many of its data uses are special-category (Art. 9) or criminal-offence (Art. 10) data
 * @param specialCategories   the special categories it uses other than biometric data, one per data use (SPC-001)
 * @param highlyPersonal      the categories that are sensitive or highly personal for a DPIA (EDPB criterion 4):
 *                            special-category, criminal-offence, precise location, financial, communications; each once
 * @param vulnerableSubjects  the categories of data subjects that are vulnerable for a DPIA (EDPB criterion 7); each once
 * @param directIdentifiers   the categories it uses that identify a person directly, one per data use (PBD-002)
 */
public record ActivityProfile(Activity activity, int sensitiveUses, List<DataCategory> specialCategories,
                              Set<DataCategory> highlyPersonal, Set<DataSubjectCategory> vulnerableSubjects,
                              List<DataCategory> directIdentifiers) {

    public ActivityProfile {
        specialCategories = Collections.unmodifiableList(specialCategories);
        highlyPersonal = Collections.unmodifiableSet(highlyPersonal);
        vulnerableSubjects = Collections.unmodifiableSet(vulnerableSubjects);
        directIdentifiers = Collections.unmodifiableList(directIdentifiers);
    }

    /** Derives the profile from the activity's data uses (their categories) and its categories of data subjects. */
    static ActivityProfile of(Activity activity, List<DataCategory> categories, List<DataSubjectCategory> subjects) {
        int sensitiveUses = 0;
        List<DataCategory> special = new ArrayList<>(2);
        Set<DataCategory> highlyPersonal = Collections.newSetFromMap(new IdentityHashMap<>());
        List<DataCategory> identifiers = new ArrayList<>(2);
        for (DataCategory category : categories) {
            if (category == null) {
                continue;
            }
            boolean sensitive = category.special() || category.criminal();
            if (sensitive) {
                sensitiveUses++;
            }
            if (category.special() && !category.biometric()) {
                special.add(category);
            }
            if (sensitive || category.kind() == DataKind.PRECISE_LOCATION || category.kind() == DataKind.FINANCIAL
                    || category.kind() == DataKind.COMMUNICATIONS) {
                highlyPersonal.add(category);
            }
            if (category.identifiesDirectly()) {
                identifiers.add(category);
            }
        }
        Set<DataSubjectCategory> vulnerable = Collections.newSetFromMap(new IdentityHashMap<>());
        for (DataSubjectCategory subject : subjects) {
            if (subject != null && subject.vulnerableForDpia()) {
                vulnerable.add(subject);
            }
        }
        return new ActivityProfile(activity, sensitiveUses, special, highlyPersonal, vulnerable, identifiers);
    }

    /** It uses special-category or criminal-offence data. */
    public boolean usesSensitiveData() {
        return sensitiveUses > 0;
    }

    /** It uses special-category data other than biometric data. */
    public boolean usesSpecialCategories() {
        return !specialCategories.isEmpty();
    }

    /** It uses categories that identify a person directly. */
    public boolean usesDirectIdentifiers() {
        return !directIdentifiers.isEmpty();
    }

    /**
     * A fact compares by identity, like the declaration's entries: a value-based hash would walk the whole
     * activity on every join.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
