package org.tcentre.gdpr.submission;

/** The report formats an evaluation can be downloaded in, with their media types and file extensions. */
public enum ReportFormat {
    PDF("application/pdf", "pdf"),
    JSON("application/json", "json"),
    SARIF("application/sarif+json", "sarif");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
