package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** The Chapter V ground a transfer to a third country relies on. */
public enum TransferMechanism {
    ADEQUACY("adequacy", "Art. 45"),
    STANDARD_CONTRACTUAL_CLAUSES("sccs", "Art. 46(2)(c)"),
    BINDING_CORPORATE_RULES("bcrs", "Art. 47"),
    DEROGATION("derogation", "Art. 49"),
    PRIVACY_SHIELD("privacy-shield", "Art. 45"),
    SAFE_HARBOUR("safe-harbour", "Art. 45"),
    NONE("none", "Art. 44");

    private final String code;
    private final String article;

    TransferMechanism(String code, String article) {
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

    /** Privacy Shield (invalidated 2020, Schrems II) and Safe Harbour (invalidated 2015, Schrems I). */
    public boolean invalidated() {
        return this == PRIVACY_SHIELD || this == SAFE_HARBOUR;
    }

    /** An Art. 46 appropriate safeguard that needs a transfer impact assessment. */
    public boolean needsImpactAssessment() {
        return this == STANDARD_CONTRACTUAL_CLAUSES || this == BINDING_CORPORATE_RULES;
    }
}
