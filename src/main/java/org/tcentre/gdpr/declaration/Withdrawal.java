package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** How withdrawing consent compares with giving it. */
public enum Withdrawal {
    AS_EASY_AS_GIVING("as-easy-as-giving"),
    HARDER_THAN_GIVING("harder-than-giving"),
    NOT_POSSIBLE("not-possible"),
    NOT_DECLARED("not-declared");

    private final String code;

    Withdrawal(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
