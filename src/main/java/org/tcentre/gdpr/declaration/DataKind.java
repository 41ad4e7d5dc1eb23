package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What kind of personal data a category holds. The kind decides sensitivity (Art. 9, Art. 10, data that
 * needs encryption at rest) and which retention ceiling applies.
 */
public enum DataKind {
    CONTACT("contact"),
    IDENTITY("identity"),
    GOVERNMENT_ID("government-id"),
    FINANCIAL("financial"),
    CREDENTIALS("credentials"),
    PRECISE_LOCATION("precise-location"),
    LOCATION("location"),
    COMMUNICATIONS("communications"),
    BEHAVIOURAL("behavioural"),
    DEVICE_IDENTIFIER("device-identifier"),
    ONLINE_IDENTIFIER("online-identifier"),
    USAGE("usage"),
    IMAGES("images"),
    CCTV_FOOTAGE("cctv-footage"),
    EMPLOYEE_MONITORING("employee-monitoring"),
    HR("hr"),
    JOB_APPLICATION("job-application"),
    ACCESS_LOGS("access-logs"),
    MARKETING("marketing"),
    NATIONALITY("nationality"),
    BIOMETRIC("biometric"),
    HEALTH("health"),
    GENETIC("genetic"),
    RACIAL_OR_ETHNIC_ORIGIN("racial-or-ethnic-origin"),
    POLITICAL_OPINIONS("political-opinions"),
    RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS("religious-or-philosophical-beliefs"),
    TRADE_UNION_MEMBERSHIP("trade-union-membership"),
    SEX_LIFE_OR_ORIENTATION("sex-life-or-orientation"),
    CRIMINAL_OFFENCES("criminal-offences"),
    OTHER("other");

    private final String code;

    DataKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** A special category of personal data under Art. 9(1). */
    public boolean special() {
        return switch (this) {
            case BIOMETRIC, HEALTH, GENETIC, RACIAL_OR_ETHNIC_ORIGIN, POLITICAL_OPINIONS,
                 RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS, TRADE_UNION_MEMBERSHIP, SEX_LIFE_OR_ORIENTATION -> true;
            default -> false;
        };
    }

    /** Personal data relating to criminal convictions and offences under Art. 10. */
    public boolean criminal() {
        return this == CRIMINAL_OFFENCES;
    }

    /** Identifies a person on its own: name, e-mail, phone, ID number, device id. */
    public boolean directIdentifier() {
        return switch (this) {
            case CONTACT, IDENTITY, GOVERNMENT_ID, DEVICE_IDENTIFIER -> true;
            default -> false;
        };
    }
}
