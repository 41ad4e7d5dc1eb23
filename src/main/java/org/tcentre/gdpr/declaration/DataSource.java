package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the data comes from: the data subject (Art. 13), someone else (Art. 14), or both. */
public enum DataSource {
    DIRECT("direct"),
    INDIRECT("indirect"),
    BOTH("both");

    private final String code;

    DataSource(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public boolean direct() {
        return this != INDIRECT;
    }

    public boolean indirect() {
        return this != DIRECT;
    }
}
