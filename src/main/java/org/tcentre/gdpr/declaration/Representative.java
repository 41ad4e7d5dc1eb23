package org.tcentre.gdpr.declaration;

/** The controller's representative in the Union (Art. 27). */
public record Representative(String name, Contact contact) {
}
