package org.tcentre.gdpr.declaration;

import java.util.List;

/**
 * The product the declaration is about. {@code markets} are the EU/EEA Member States (ISO 3166-1 alpha-2)
 * where it is offered; they select Member-State parameters such as the age of digital consent.
 * {@code informationSocietyService} marks an online service offered at a distance at a user's request (Art. 8).
 */
public record Product(
        String id,
        String name,
        String version,
        String owningTeam,
        String contact,
        String description,
        List<String> markets,
        boolean informationSocietyService) {

    static final Product EMPTY = new Product(null, null, null, null, null, null, null, false);

    public Product {
        markets = Lists.of(markets);
    }
}
