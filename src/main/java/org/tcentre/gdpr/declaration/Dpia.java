package org.tcentre.gdpr.declaration;

import java.time.LocalDate;

/** The data protection impact assessment of an activity (Arts 35–36). */
public record Dpia(boolean done, LocalDate date, String reference, ResidualRisk residualRisk, boolean priorConsultation) {

    static final Dpia EMPTY = new Dpia(false, null, null, null, false);
}
