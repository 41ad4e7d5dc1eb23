package org.tcentre.gdpr.report.pdf;

import java.awt.Color;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tcentre.gdpr.rules.Severity;
import org.tcentre.gdpr.evaluation.Verdict;

/**
 * How the report's values look in the PDF, shared by the sections so they agree: colours for verdicts
 * and severities, and the text for absent values, dates and article lists.
 */
final class ReportStyle {

    /** Printed where the declaration says nothing, so a blank is never mistaken for a rendering fault. */
    static final String ABSENT = "—";

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ReportStyle() {
    }

    static Color colour(Verdict verdict) {
        return switch (verdict) {
            case NON_COMPLIANT -> new Color(0xB7, 0x1C, 0x1C);
            case COMPLIANT_WITH_OBSERVATIONS -> new Color(0xB2, 0x5B, 0x00);
            case COMPLIANT -> new Color(0x2E, 0x7D, 0x32);
        };
    }

    static Color colour(Severity severity) {
        return switch (severity) {
            case CRITICAL -> new Color(0x7F, 0x00, 0x00);
            case HIGH -> new Color(0xD3, 0x2F, 0x2F);
            case MEDIUM -> new Color(0xEF, 0x6C, 0x00);
            case LOW -> new Color(0xF9, 0xA8, 0x25);
            case INFO -> new Color(0x78, 0x90, 0x9C);
        };
    }

    static String text(String value) {
        return value == null || value.isBlank() ? ABSENT : value;
    }

    static String dateTime(Instant instant) {
        return instant == null ? ABSENT : DATE_TIME.format(instant);
    }

    /** One citation per line, so "Art. 6(1)(f)" is never split between "Art." and its number. */
    static String articles(List<String> articles) {
        return articles.isEmpty() ? ABSENT : String.join("\n", articles);
    }

    /** A list of values, comma-separated; {@code none} when it is empty. */
    static String list(List<String> values, String none) {
        return values == null || values.isEmpty() ? none : String.join(", ", values);
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** "1 finding", "3 findings": a count with its noun. */
    static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** A file size people read: "812 bytes", "13.4 KB". */
    static String size(long bytes) {
        return bytes < 1024 ? count(bytes, "byte", "bytes")
                : String.format(java.util.Locale.ROOT, "%.1f KB (%,d bytes)", bytes / 1024.0, bytes);
    }

    /** An ISO-8601 period as people say it, with the declared form kept: "13 months (P13M)". */
    static String period(String iso) {
        try {
            java.time.Period period = java.time.Period.parse(iso);
            List<String> parts = new java.util.ArrayList<>();
            if (period.getYears() != 0) {
                parts.add(count(period.getYears(), "year", "years"));
            }
            if (period.getMonths() != 0) {
                parts.add(count(period.getMonths(), "month", "months"));
            }
            if (period.getDays() != 0) {
                parts.add(count(period.getDays(), "day", "days"));
            }
            return parts.isEmpty() ? iso : String.join(" ", parts) + " (" + iso + ")";
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    static String productLine(String name, String version) {
        if (name == null || name.isBlank()) {
            return ABSENT;
        }
        return version == null || version.isBlank() ? name : name + " " + version;
    }
}
