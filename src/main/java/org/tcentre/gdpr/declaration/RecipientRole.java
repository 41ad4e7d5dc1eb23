package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** The role a recipient plays towards the controller. */
public enum RecipientRole {
    PROCESSOR("processor"),
    SUB_PROCESSOR("sub-processor"),
    CONTROLLER("controller"),
    JOINT_CONTROLLER("joint-controller"),
    PUBLIC_AUTHORITY("public-authority");

    private final String code;

    RecipientRole(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public boolean processor() {
        return this == PROCESSOR || this == SUB_PROCESSOR;
    }
}
