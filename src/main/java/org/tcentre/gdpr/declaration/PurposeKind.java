package org.tcentre.gdpr.declaration;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a purpose is for, so that rules on contract necessity, marketing and retention ceilings apply. */
public enum PurposeKind {
    SERVICE_PROVISION("service-provision"),
    ACCOUNT_MANAGEMENT("account-management"),
    BILLING("billing"),
    CUSTOMER_SUPPORT("customer-support"),
    PERSONALISATION("personalisation"),
    MARKETING("marketing"),
    DIRECT_MARKETING("direct-marketing"),
    ADVERTISING("advertising"),
    AD_PROFILING("ad-profiling"),
    PRODUCT_IMPROVEMENT("product-improvement"),
    ANALYTICS("analytics"),
    RESEARCH("research"),
    STATISTICS("statistics"),
    SECURITY("security"),
    FRAUD_PREVENTION("fraud-prevention"),
    LEGAL_COMPLIANCE("legal-compliance"),
    HEALTH_MONITORING("health-monitoring"),
    HR_MANAGEMENT("hr-management"),
    RECRUITMENT("recruitment"),
    EMPLOYEE_MONITORING("employee-monitoring"),
    VIDEO_SURVEILLANCE("video-surveillance"),
    CREDIT_SCORING("credit-scoring"),
    OTHER("other");

    private final String code;

    PurposeKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
