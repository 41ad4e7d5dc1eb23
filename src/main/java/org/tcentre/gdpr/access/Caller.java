package org.tcentre.gdpr.access;

/**
 * Who is calling: an authenticated user, with the team whose data a product-team user may see.
 *
 * @param team the user's team; {@code null} except for {@link Role#PRODUCT_TEAM}
 */
public record Caller(String name, Role role, String team) {

    /** Whether this caller sees only its own team's declarations and evaluations. */
    public boolean limitedToTeam() {
        return role == Role.PRODUCT_TEAM;
    }

    @Override
    public String toString() {
        return name;
    }
}
