package org.tcentre.gdpr.rules;

/** The transparency centre's practice areas; every rule belongs to exactly one. */
public enum PracticeArea {
    P1("Governance & accountability"),
    P2("Lawful, fair & transparent processing"),
    P3("Data-subject rights & automated decisions"),
    P4("Privacy by design in R&D"),
    P5("Supply chain & international transfers"),
    P6("Product security, testing & incident response");

    private final String title;

    PracticeArea(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Reads "P2" or "p2"; {@code null} if the text names no area. */
    public static PracticeArea parse(String text) {
        if (text == null) {
            return null;
        }
        for (PracticeArea area : values()) {
            if (area.name().equalsIgnoreCase(text.trim())) {
                return area;
            }
        }
        return null;
    }
}
