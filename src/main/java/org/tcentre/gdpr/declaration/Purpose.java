package org.tcentre.gdpr.declaration;

/** A purpose of an activity; {@code id} is referenced by the activity's data uses. */
public record Purpose(String id, String description, PurposeKind kind) {
}
