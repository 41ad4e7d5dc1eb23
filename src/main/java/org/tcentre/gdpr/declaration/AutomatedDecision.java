package org.tcentre.gdpr.declaration;

import java.util.List;

/**
 * Automated decision-making and profiling in an activity (Arts 13(2)(f), 15(1)(h), 22).
 *
 * @param solelyAutomated       no meaningful human involvement in the decision
 * @param legalOrSimilarEffect  the decision produces legal effects or similarly significantly affects people
 * @param exception             the Art. 22(2) exception relied on
 * @param inputs                ids of the data categories the decision or profile uses
 * @param logicExplained        meaningful information about the logic involved is given to people
 * @param reasonsOnRefusal      people refused by the decision receive the main reasons for it
 */
public record AutomatedDecision(
        boolean used,
        boolean profiling,
        boolean solelyAutomated,
        boolean legalOrSimilarEffect,
        Art22Exception exception,
        Safeguards safeguards,
        List<String> inputs,
        boolean logicExplained,
        boolean reasonsOnRefusal) {

    static final AutomatedDecision EMPTY = new AutomatedDecision(false, false, false, false, null, null, null, false, false);

    public AutomatedDecision {
        exception = exception == null ? Art22Exception.NONE : exception;
        safeguards = safeguards == null ? Safeguards.EMPTY : safeguards;
        inputs = Lists.of(inputs);
    }

    /** A decision caught by Art. 22(1): solely automated with legal or similarly significant effect. */
    public boolean significant() {
        return used && solelyAutomated && legalOrSimilarEffect;
    }

    /** The Art. 22(3) safeguards. */
    public record Safeguards(boolean humanIntervention, boolean contest, boolean expressView) {
        static final Safeguards EMPTY = new Safeguards(false, false, false);

        public boolean complete() {
            return humanIntervention && contest && expressView;
        }
    }
}
