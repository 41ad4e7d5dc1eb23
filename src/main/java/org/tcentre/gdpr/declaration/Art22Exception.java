package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** The Art. 22(2) exceptions to the ban on solely automated decisions with significant effects. */
public enum Art22Exception {
    CONTRACT_NECESSITY("contract-necessity", "Art. 22(2)(a)"),
    AUTHORISED_BY_LAW("authorised-by-law", "Art. 22(2)(b)"),
    EXPLICIT_CONSENT("explicit-consent", "Art. 22(2)(c)"),
    NONE("none", "Art. 22(1)");

    private final String code;
    private final String article;

    Art22Exception(String code, String article) {
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
