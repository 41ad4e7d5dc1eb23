package org.tcentre.gdpr.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tcentre.gdpr.declaration.PurposeKind;

/**
 * The tunable numbers and lists that rules read instead of hard-coding them, loaded from
 * {@code rules/parameters.yaml}. Every method here is pure, so a rule's outcome depends only on the
 * declaration and this file.
 *
 * @param eea                              the EU/EEA states: transfers between them are not Chapter V transfers
 * @param adequacy                         countries with an Art. 45 adequacy decision
 * @param ageOfDigitalConsent              Art. 8(1) age per Member State
 * @param purposesNotNecessaryForContract  purpose kinds that are never necessary to perform a contract (Art. 6(1)(b))
 */
public record Parameters(
        List<String> eea,
        List<Adequacy> adequacy,
        AgeOfDigitalConsent ageOfDigitalConsent,
        List<PurposeKind> purposesNotNecessaryForContract) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public Parameters {
        require(eea, "eea");
        require(adequacy, "adequacy");
        require(ageOfDigitalConsent, "ageOfDigitalConsent");
        require(purposesNotNecessaryForContract, "purposesNotNecessaryForContract");
        eea.forEach(Parameters::checkCountry);
        eea = List.copyOf(eea);
        adequacy = List.copyOf(adequacy);
        purposesNotNecessaryForContract = List.copyOf(purposesNotNecessaryForContract);
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
        return adequacy.stream().anyMatch(a -> a.country().equals(country)
                && (a.condition() == AdequacyCondition.NONE || dpfCertified));
    }

    /** The age of digital consent that applies where the product is offered: the highest of its markets. */
    public int ageOfDigitalConsent(List<String> markets) {
        return markets.isEmpty()
                ? ageOfDigitalConsent.defaultAge()
                : markets.stream().mapToInt(ageOfDigitalConsent::in).max().orElse(ageOfDigitalConsent.defaultAge());
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
