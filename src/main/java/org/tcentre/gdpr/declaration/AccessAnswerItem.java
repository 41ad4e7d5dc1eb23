package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an answer to an access request contains for the person asking (Art. 15(1), 15(3)). */
public enum AccessAnswerItem {
    COPY("copy"),
    PURPOSES("purposes"),
    CATEGORIES("categories"),
    RECIPIENTS("recipients"),
    RETENTION("retention"),
    SOURCE("source"),
    AUTOMATED_DECISION_LOGIC("automated-decision-logic");

    private final String code;

    AccessAnswerItem(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
