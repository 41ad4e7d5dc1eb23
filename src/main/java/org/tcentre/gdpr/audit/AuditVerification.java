package org.tcentre.gdpr.audit;

/**
 * The result of recomputing the whole chain.
 *
 * @param entries        how many entries were checked
 * @param lastHash       the hash of the last entry checked (the chain head when intact)
 * @param firstBroken    the sequence number of the first entry that does not verify, or {@code null}
 * @param problem        what is wrong with it, or {@code null}
 */
public record AuditVerification(boolean intact, long entries, String lastHash, Long firstBroken, String problem) {

    static AuditVerification intact(long entries, String lastHash) {
        return new AuditVerification(true, entries, lastHash, null, null);
    }

    static AuditVerification broken(long entries, String lastHash, long sequence, String problem) {
        return new AuditVerification(false, entries, lastHash, sequence, problem);
    }
}
