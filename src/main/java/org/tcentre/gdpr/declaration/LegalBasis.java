package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** The Art. 6(1) legal bases, written in declarations by their plain names. */
public enum LegalBasis {
    CONSENT("consent", "Art. 6(1)(a)"),
    CONTRACT("contract", "Art. 6(1)(b)"),
    LEGAL_OBLIGATION("legal-obligation", "Art. 6(1)(c)"),
    VITAL_INTERESTS("vital-interests", "Art. 6(1)(d)"),
    PUBLIC_TASK("public-task", "Art. 6(1)(e)"),
    LEGITIMATE_INTERESTS("legitimate-interests", "Art. 6(1)(f)"),
    /** Declared explicitly as having no legal basis (a draft, or an honest gap). */
    NONE("none", "Art. 6(1)");

    private final String code;
    private final String article;

    LegalBasis(String code, String article) {
        this.code = code;
        this.article = article;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String article() {
        return article;
    }
}
