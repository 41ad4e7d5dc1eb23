package org.tcentre.gdpr.declaration;

/**
 * How data-subject rights are handled (Arts 12–22). The simple rights are yes/no: a documented procedure exists.
 *
 * @param marketingOptOut         see {@link DirectMarketing} for per-activity opt-outs
 * @param requesterAuthentication the identity of a person asking for their data (by hotline, chat, e-mail
 *                                or access request) is verified before anything is disclosed
 */
public record Rights(
        AccessRequests access,
        boolean erasure,
        boolean rectification,
        boolean restriction,
        boolean portability,
        boolean objection,
        boolean requesterAuthentication) {

    static final Rights EMPTY = new Rights(null, false, false, false, false, false, false);

    public Rights {
        access = access == null ? AccessRequests.EMPTY : access;
    }
}
