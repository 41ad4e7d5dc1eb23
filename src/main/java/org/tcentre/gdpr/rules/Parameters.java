package org.tcentre.gdpr.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tcentre.gdpr.declaration.Activity;
import org.tcentre.gdpr.declaration.DataCategory;
import org.tcentre.gdpr.declaration.DataSubjectCategory;
import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.declaration.PurposeKind;
import org.tcentre.gdpr.declaration.Retention;
import org.tcentre.gdpr.declaration.SubjectKind;

/**
 * The tunable numbers and lists that rules read instead of hard-coding them, loaded from
 * {@code rules/parameters.yaml} and the decision tables in {@code rules/tables/} (adequacy, ages of digital
 * consent, retention ceilings, DPIA criteria: {@link DecisionTables}). Every method here is pure, so a rule's
 * outcome depends only on the declaration and these files.
 *
 * @param eea                              the EU/EEA states: transfers between them are not Chapter V transfers
 * @param adequacy                         countries with an Art. 45 adequacy decision
 * @param ageOfDigitalConsent              Art. 8(1) age per Member State
 * @param purposesNotNecessaryForContract  purpose kinds that are never necessary to perform a contract (Art. 6(1)(b))
 * @param vaguePurposePhrases              purpose wordings too vague to limit processing (Art. 5(1)(b))
 * @param retentionCeilings                the longest retention per kind of data, purpose or data subject (Art. 5(1)(e))
 * @param dpia                             the DPIA criteria threshold and review period (Art. 35)
 * @param securityTestMaxAge               how old the last security test may be (Art. 32(1)(d)), an ISO-8601 period
 * @param accessReviewMaxAge               how old the last access-log review and access recertification may be
 * @param dpoConflictingRoles              positions that determine purposes and means, so conflict with the DPO role (Art. 38(6))
 * @param accessRequestMaxResponseDays     the longest committed response time to an access request (Art. 12(3))
 * @param sensorsNeedingIndicator          device sensors whose background use needs an in-context indicator
 */
public record Parameters(
        List<String> eea,
        List<Adequacy> adequacy,
        AgeOfDigitalConsent ageOfDigitalConsent,
        List<PurposeKind> purposesNotNecessaryForContract,
        List<String> vaguePurposePhrases,
        List<RetentionCeiling> retentionCeilings,
        DpiaParameters dpia,
        String securityTestMaxAge,
        String accessReviewMaxAge,
        List<String> dpoConflictingRoles,
        int accessRequestMaxResponseDays,
        List<String> sensorsNeedingIndicator) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public Parameters {
        require(eea, "eea");
        require(adequacy, "adequacy");
        require(ageOfDigitalConsent, "ageOfDigitalConsent");
        require(purposesNotNecessaryForContract, "purposesNotNecessaryForContract");
        require(vaguePurposePhrases, "vaguePurposePhrases");
        require(retentionCeilings, "retentionCeilings");
        require(dpia, "dpia");
        require(dpoConflictingRoles, "dpoConflictingRoles");
        require(sensorsNeedingIndicator, "sensorsNeedingIndicator");
        RetentionCeiling.checkPeriod(securityTestMaxAge, "securityTestMaxAge");
        RetentionCeiling.checkPeriod(accessReviewMaxAge, "accessReviewMaxAge");
        if (accessRequestMaxResponseDays < 1 || accessRequestMaxResponseDays > 90) {
            throw new IllegalArgumentException("accessRequestMaxResponseDays must be between 1 and 90 (Art. 12(3): one month, extendable by two)");
        }
        eea.forEach(Parameters::checkCountry);
        eea = List.copyOf(eea);
        adequacy = List.copyOf(adequacy);
        purposesNotNecessaryForContract = List.copyOf(purposesNotNecessaryForContract);
        vaguePurposePhrases = vaguePurposePhrases.stream().map(Parameters::words).toList();
        retentionCeilings = List.copyOf(retentionCeilings);
        dpoConflictingRoles = dpoConflictingRoles.stream().map(Parameters::words).toList();
        sensorsNeedingIndicator = sensorsNeedingIndicator.stream().map(r -> r.toLowerCase(Locale.ROOT).strip()).toList();
    }

    /** The purpose is worded with one of the vague phrases (whole words, any case), e.g. "improving our services". */
    public boolean vague(String purpose) {
        if (purpose == null) {
            return false;
        }
        return containsPhrase(words(purpose), vaguePurposePhrases);
    }

    /**
     * The strictest retention ceiling that applies to a data category used by an activity, in the Member States
     * where the product is offered (and the controller's own), or {@code null} when no ceiling applies.
     */
    public AppliedCeiling retentionCeiling(Activity activity, DataCategory category, Declaration declaration) {
        List<String> states = null;
        AppliedCeiling strictest = null;
        for (RetentionCeiling ceiling : retentionCeilings) {
            if (applies(ceiling, activity, category, declaration)) {
                if (states == null) {
                    states = new ArrayList<>(declaration.product().markets());
                    if (declaration.controller().country() != null && eea.contains(declaration.controller().country())) {
                        states.add(declaration.controller().country());
                    }
                }
                String max = ceiling.maxIn(states);
                long days = Retention.days(max);
                if (strictest == null || days < strictest.days()) {
                    strictest = new AppliedCeiling(max, days, ceiling.note());
                }
            }
        }
        return strictest;
    }

    /** Whether an activity keeps a data category longer than the ceiling that applies to it; exactly at it is fine. */
    public boolean exceedsRetentionCeiling(Activity activity, DataCategory category, Declaration declaration) {
        long declared = activity.retention().periodDays();
        if (declared < 0) {
            return false;
        }
        AppliedCeiling ceiling = retentionCeiling(activity, category, declaration);
        return ceiling != null && declared > ceiling.days();
    }

    private static boolean applies(RetentionCeiling ceiling, Activity activity, DataCategory category, Declaration declaration) {
        return (ceiling.dataKind() == null || ceiling.dataKind() == category.kind())
                && (ceiling.purposeKind() == null || activity.hasPurposeOfKind(ceiling.purposeKind()))
                && (ceiling.subjectKind() == null || concerns(activity, ceiling.subjectKind(), declaration));
    }

    private static boolean concerns(Activity activity, SubjectKind kind, Declaration declaration) {
        for (String id : activity.dataSubjects()) {
            for (DataSubjectCategory subject : declaration.dataSubjects()) {
                if (subject.id().equals(id)) {
                    if (subject.kind() == kind) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
    }

    /** The ceiling that applies: its period, in days, and what it counts from. */
    public record AppliedCeiling(String max, long days, String note) {
    }

    public int dpiaCriteriaThreshold() {
        return dpia.criteriaThreshold();
    }

    /** The DPIA is older than the review period on {@code today} (or has no date); exactly at it is not. */
    public boolean dpiaOverdue(LocalDate done, LocalDate today) {
        return older(done, dpia.reviewPeriod(), today);
    }

    /** The last security test is older than {@link #securityTestMaxAge()} on {@code today}, or never happened. */
    public boolean securityTestOverdue(LocalDate lastTest, LocalDate today) {
        return older(lastTest, securityTestMaxAge, today);
    }

    /** The last log review or access recertification is older than {@link #accessReviewMaxAge()}, or never happened. */
    public boolean accessReviewOverdue(LocalDate lastReview, LocalDate today) {
        return older(lastReview, accessReviewMaxAge, today);
    }

    /** A role that determines purposes and means of processing (whole words, any case): "CISO", "Head of HR". */
    public boolean conflictsWithDpo(String role) {
        if (role == null) {
            return false;
        }
        return containsPhrase(words(role), dpoConflictingRoles);
    }

    /** {@code text} (as {@link #words}) contains one of the phrases as whole words: the same as
     *  {@code (" " + text + " ").contains(" " + phrase + " ")}, without building either string. */
    static boolean containsPhrase(String text, List<String> phrases) {
        for (String phrase : phrases) {
            int from = 0;
            int at;
            while ((at = text.indexOf(phrase, from)) >= 0) {
                int end = at + phrase.length();
                if ((at == 0 || text.charAt(at - 1) == ' ') && (end == text.length() || text.charAt(end) == ' ')) {
                    return true;
                }
                from = at + 1;
            }
        }
        return false;
    }

    /** No committed response time, or one longer than the limit. */
    public boolean accessResponseTooSlow(Integer responseDays) {
        return responseDays == null || responseDays > accessRequestMaxResponseDays;
    }

    /** Background use of this sensor must be shown to the user while it happens. */
    public boolean needsIndicator(String sensorType) {
        return sensorType != null && sensorsNeedingIndicator.contains(sensorType.toLowerCase(Locale.ROOT).strip());
    }

    /** Lower-case words separated by single spaces, so that phrases match as whole words in any case. */
    static String words(String text) {
        StringBuilder words = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && words.length() > 0) {
                    words.append(' ');
                }
                words.append(Character.toLowerCase(c));
                gap = false;
            } else {
                gap = true;
            }
        }
        return words.toString();
    }

    private static boolean older(LocalDate date, String maxAge, LocalDate today) {
        return date == null || date.plus(Period.parse(maxAge)).isBefore(today);
    }

    /** A destination outside the EU/EEA, where Chapter V applies. */
    public boolean thirdCountry(String country) {
        return country != null && !eea.contains(country);
    }

    /**
     * Whether a transfer to this country, to this recipient, is covered by an adequacy decision. For a
     * decision with a condition (the US: Data Privacy Framework) the recipient must meet it.
     */
    public boolean adequate(String country, boolean dpfCertified) {
        for (Adequacy a : adequacy) {
            if (a.country().equals(country) && (a.condition() == AdequacyCondition.NONE || dpfCertified)) {
                return true;
            }
        }
        return false;
    }

    /** The age of digital consent that applies where the product is offered: the highest of its markets. */
    public int ageOfDigitalConsent(List<String> markets) {
        if (markets.isEmpty()) {
            return ageOfDigitalConsent.defaultAge();
        }
        int highest = Integer.MIN_VALUE;
        for (String market : markets) {
            highest = Math.max(highest, ageOfDigitalConsent.in(market));
        }
        return highest;
    }

    public boolean necessaryForContract(PurposeKind kind) {
        return !purposesNotNecessaryForContract.contains(kind);
    }

    static void checkCountry(String code) {
        if (code == null || !ISO_COUNTRIES.contains(code)) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    private static void require(Object value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("the key '" + key + "' is missing");
        }
    }

    /** An Art. 45 adequacy decision. */
    public record Adequacy(String country, LocalDate decided, AdequacyCondition condition, String note) {
        public Adequacy {
            checkCountry(country);
            if (decided == null) {
                throw new IllegalArgumentException("the adequacy decision for " + country + " needs the date it was 'decided'");
            }
            condition = condition == null ? AdequacyCondition.NONE : condition;
        }
    }

    /** A condition an adequacy decision puts on the recipient. */
    public enum AdequacyCondition {
        NONE("none"),
        /** The EU-US Data Privacy Framework covers only certified organisations. */
        DPF_CERTIFIED("dpf-certified");

        private final String code;

        AdequacyCondition(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    /**
     * DPIA parameters.
     *
     * @param criteriaThreshold how many of the EDPB's nine high-risk criteria make a DPIA necessary (WP248: 2)
     * @param reviewPeriod      how often a DPIA is reviewed (Art. 35(11)), an ISO-8601 period
     */
    public record DpiaParameters(int criteriaThreshold, String reviewPeriod) {
        public DpiaParameters {
            if (criteriaThreshold < 1 || criteriaThreshold > 9) {
                throw new IllegalArgumentException("dpia.criteriaThreshold must be between 1 and 9 (there are nine criteria)");
            }
            RetentionCeiling.checkPeriod(reviewPeriod, "dpia.reviewPeriod");
        }
    }

    /** The Art. 8(1) age: a default (16) and the Member States that set a lower one. */
    public record AgeOfDigitalConsent(@JsonProperty("default") int defaultAge, Map<String, Integer> memberStates) {
        public AgeOfDigitalConsent {
            if (defaultAge < 13 || defaultAge > 16) {
                throw new IllegalArgumentException("the default age of digital consent must be between 13 and 16 (Art. 8(1))");
            }
            memberStates = memberStates == null ? Map.of() : Map.copyOf(memberStates);
            memberStates.forEach((state, age) -> {
                checkCountry(state);
                if (age == null || age < 13 || age > 16) {
                    throw new IllegalArgumentException("the age of digital consent in " + state + " must be between 13 and 16 (Art. 8(1))");
                }
            });
        }

        int in(String memberState) {
            return memberStates.getOrDefault(memberState, defaultAge);
        }
    }
}
