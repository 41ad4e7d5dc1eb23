package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** How user credentials are stored. */
public enum CredentialHashing {
    ARGON2("argon2"),
    BCRYPT("bcrypt"),
    SCRYPT("scrypt"),
    PBKDF2("pbkdf2"),
    SALTED_SHA256("salted-sha256"),
    UNSALTED_SHA256("unsalted-sha256"),
    SHA1("sha1"),
    MD5("md5"),
    PLAINTEXT("plaintext"),
    NO_CREDENTIALS("no-credentials"),
    NOT_DECLARED("not-declared");

    private final String code;

    CredentialHashing(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Plain text, or a fast hash an attacker reverses cheaply. */
    public boolean weak() {
        return this == PLAINTEXT || this == MD5 || this == SHA1 || this == UNSALTED_SHA256;
    }
}
