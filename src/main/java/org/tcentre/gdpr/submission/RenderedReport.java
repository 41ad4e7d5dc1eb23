package org.tcentre.gdpr.submission;

/** A report's bytes as served, with the name to save it under and their SHA-256 (recorded in the audit trail). */
public record RenderedReport(ReportFormat format, String fileName, byte[] content, String sha256) {
}
