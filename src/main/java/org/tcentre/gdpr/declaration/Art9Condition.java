package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** The Art. 9(2) conditions that lift the ban on processing special categories of data. */
public enum Art9Condition {
    EXPLICIT_CONSENT("explicit-consent", "Art. 9(2)(a)", false),
    EMPLOYMENT_AND_SOCIAL_SECURITY_LAW("employment-social-security-law", "Art. 9(2)(b)", true),
    VITAL_INTERESTS("vital-interests", "Art. 9(2)(c)", false),
    NOT_FOR_PROFIT_BODY("not-for-profit-body", "Art. 9(2)(d)", false),
    MANIFESTLY_MADE_PUBLIC("manifestly-made-public", "Art. 9(2)(e)", false),
    LEGAL_CLAIMS("legal-claims", "Art. 9(2)(f)", false),
    SUBSTANTIAL_PUBLIC_INTEREST("substantial-public-interest", "Art. 9(2)(g)", true),
    HEALTH_OR_SOCIAL_CARE("health-or-social-care", "Art. 9(2)(h)", true),
    PUBLIC_HEALTH("public-health", "Art. 9(2)(i)", true),
    ARCHIVING_RESEARCH_STATISTICS("archiving-research-statistics", "Art. 9(2)(j)", true),
    NONE("none", "Art. 9(1)", false);

    private final String code;
    private final String article;
    private final boolean requiresLaw;

    Art9Condition(String code, String article, boolean requiresLaw) {
        this.code = code;
        this.article = article;
        this.requiresLaw = requiresLaw;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String article() {
        return article;
    }

    /** Whether the condition only applies on the basis of Union or Member-State law (Art. 9(2)(b),(g)–(j)). */
    public boolean requiresLaw() {
        return requiresLaw;
    }
}
