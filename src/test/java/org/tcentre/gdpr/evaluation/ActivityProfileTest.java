package org.tcentre.gdpr.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.declaration.DataCategory;
import org.tcentre.gdpr.declaration.DataKind;
import org.tcentre.gdpr.declaration.DataSubjectCategory;
import org.tcentre.gdpr.declaration.SubjectKind;

class ActivityProfileTest {

    private static DataCategory category(String id, DataKind kind, boolean directIdentifier) {
        return new DataCategory(id, null, kind, directIdentifier, false, null, null);
    }

    private static DataSubjectCategory subjects(String id, SubjectKind kind, Integer minimumAge, boolean vulnerable) {
        return new DataSubjectCategory(id, null, kind, minimumAge, vulnerable);
    }

    private final DataCategory health = category("health", DataKind.HEALTH, false);
    private final DataCategory biometric = category("face", DataKind.BIOMETRIC, false);
    private final DataCategory criminal = category("records", DataKind.CRIMINAL_OFFENCES, false);
    private final DataCategory location = category("gps", DataKind.PRECISE_LOCATION, false);
    private final DataCategory financial = category("card", DataKind.FINANCIAL, false);
    private final DataCategory usage = category("clicks", DataKind.USAGE, false);
    private final DataCategory contact = category("email", DataKind.CONTACT, true);

    @Test
    void nothingSensitiveMakesAnEmptyProfile() {
        var profile = ActivityProfile.of(null, List.of(usage), List.of(subjects("users", SubjectKind.USERS, 18, false)));
        assertThat(profile.sensitiveUses()).isZero();
        assertThat(profile.usesSensitiveData()).isFalse();
        assertThat(profile.usesSpecialCategories()).isFalse();
        assertThat(profile.highlyPersonal()).isEmpty();
        assertThat(profile.vulnerableSubjects()).isEmpty();
        assertThat(profile.usesDirectIdentifiers()).isFalse();
    }

    @Test
    void countsSensitiveUsesAndListsSpecialCategoriesOtherThanBiometricPerUse() {
        var profile = ActivityProfile.of(null, List.of(health, biometric, criminal, health, usage), List.of());
        assertThat(profile.sensitiveUses()).isEqualTo(4);
        assertThat(profile.usesSensitiveData()).isTrue();
        assertThat(profile.specialCategories()).containsExactly(health, health);
        assertThat(profile.usesSpecialCategories()).isTrue();
    }

    @Test
    void onlyBiometricOrCriminalDataIsSensitiveButNotSpecialForSpc001() {
        var profile = ActivityProfile.of(null, List.of(biometric, criminal), List.of());
        assertThat(profile.usesSensitiveData()).isTrue();
        assertThat(profile.usesSpecialCategories()).isFalse();
    }

    @Test
    void highlyPersonalDataForDpiaNamesEachCategoryOnce() {
        var profile = ActivityProfile.of(null, List.of(location, financial, usage, criminal, location, biometric), List.of());
        assertThat(profile.highlyPersonal()).containsExactlyInAnyOrder(location, financial, criminal, biometric);
    }

    @Test
    void vulnerableSubjectsForDpiaNameEachCategoryOnce() {
        var children = subjects("kids", SubjectKind.CHILDREN, null, false);
        var teens = subjects("teens", SubjectKind.USERS, 13, false);
        var staff = subjects("staff", SubjectKind.EMPLOYEES, 18, false);
        var patients = subjects("patients", SubjectKind.PATIENTS, 18, false);
        var declared = subjects("fragile", SubjectKind.OTHER, 18, true);
        var adults = subjects("adults", SubjectKind.CUSTOMERS, 18, false);
        var profile = ActivityProfile.of(null, List.of(),
                List.of(children, teens, staff, patients, declared, adults, children));
        assertThat(profile.vulnerableSubjects()).containsExactlyInAnyOrder(children, teens, staff, patients, declared);
    }

    @Test
    void directIdentifiersByKindOrAsDeclared() {
        var declaredIdentifier = category("handle", DataKind.USAGE, true);
        var profile = ActivityProfile.of(null, List.of(contact, usage, declaredIdentifier), List.of());
        assertThat(profile.directIdentifiers()).contains(declaredIdentifier);
        assertThat(profile.directIdentifiers()).doesNotContain(usage);
        assertThat(profile.usesDirectIdentifiers()).isTrue();
    }

    @Test
    void unresolvedReferencesAreSkipped() {
        var profile = ActivityProfile.of(null, Arrays.asList(health, null), Arrays.asList((DataSubjectCategory) null));
        assertThat(profile.sensitiveUses()).isEqualTo(1);
        assertThat(profile.vulnerableSubjects()).isEmpty();
    }

    @Test
    void comparesByIdentity() {
        var one = ActivityProfile.of(null, List.of(health), List.of());
        var other = ActivityProfile.of(null, List.of(health), List.of());
        assertThat(one).isNotEqualTo(other).isEqualTo(one);
    }
}
