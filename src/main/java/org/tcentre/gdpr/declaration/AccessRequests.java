package org.tcentre.gdpr.declaration;

import java.util.List;

/**
 * How access requests (Art. 15) are made and answered.
 *
 * @param procedure       a documented procedure exists
 * @param responseDays    the committed response time in calendar days
 * @param channels        how people can ask: "web-form", "email", "in-app", "post", "phone"...
 * @param feeForFirstCopy a fee is charged for the first copy
 * @param requestLimit    a limit on how often someone may ask, e.g. "one per year"; absent means none
 * @param answerIncludes  what the answer gives each person
 */
public record AccessRequests(
        boolean procedure,
        Integer responseDays,
        List<String> channels,
        boolean feeForFirstCopy,
        String requestLimit,
        List<AccessAnswerItem> answerIncludes) {

    static final AccessRequests EMPTY = new AccessRequests(false, null, null, false, null, null);

    public AccessRequests {
        channels = Lists.of(channels);
        answerIncludes = Lists.of(answerIncludes);
    }
}
