package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who the data subjects are. Children, employees and applicants are vulnerable in the EDPB's sense. */
public enum SubjectKind {
    CUSTOMERS("customers"),
    USERS("users"),
    CHILDREN("children"),
    EMPLOYEES("employees"),
    JOB_APPLICANTS("job-applicants"),
    PATIENTS("patients"),
    STUDENTS("students"),
    VISITORS("visitors"),
    MEMBERS_OF_THE_PUBLIC("members-of-the-public"),
    BUSINESS_CONTACTS("business-contacts"),
    OTHER("other");

    private final String code;

    SubjectKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
