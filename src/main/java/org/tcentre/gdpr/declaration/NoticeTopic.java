package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** Topics a privacy notice must cover under Art. 13(1)–(2) and 14(1)–(2). */
public enum NoticeTopic {
    PURPOSES("purposes"),
    LEGAL_BASIS("legal-basis"),
    RECIPIENTS("recipients"),
    TRANSFERS("transfers"),
    RETENTION("retention"),
    RIGHTS("rights"),
    RIGHT_TO_COMPLAIN("right-to-complain"),
    AUTOMATED_DECISION_LOGIC("automated-decision-logic"),
    SOURCE("source");

    private final String code;

    NoticeTopic(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
