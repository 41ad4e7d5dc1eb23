package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** The risk that remains after the measures a DPIA plans. */
public enum ResidualRisk {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String code;

    ResidualRisk(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
