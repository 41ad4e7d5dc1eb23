package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** The Art. 14(5) exemptions from informing people whose data was obtained from someone else. */
public enum Art14Exemption {
    NONE("none", "Art. 14"),
    ALREADY_INFORMED("already-informed", "Art. 14(5)(a)"),
    DISPROPORTIONATE_EFFORT("disproportionate-effort", "Art. 14(5)(b)"),
    REQUIRED_BY_LAW("required-by-law", "Art. 14(5)(c)"),
    PROFESSIONAL_SECRECY("professional-secrecy", "Art. 14(5)(d)");

    private final String code;
    private final String article;

    Art14Exemption(String code, String article) {
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
