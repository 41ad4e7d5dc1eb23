package org.tcentre.gdpr.submission;

import java.util.concurrent.Semaphore;

/**
 * Lets at most a fixed number of submissions be read, evaluated and stored at once; the others wait for their
 * turn in the order they arrived.
 *
 * <p>Why: a submission is CPU work from end to end against an embedded database, so more of them at once than
 * there are cores only adds contention. Profiled at 32 concurrent clients on 2 cores (docs/performance.md),
 * request threads spent much of their time waiting for the audit chain's row lock: H2 parks each waiter on the
 * transaction that holds the lock and, when it ends, wakes them all to race for it, so a request could lose
 * that race several times over and land in the slow tail. A fair semaphore is a FIFO queue in front of the
 * work instead: each request waits about as long as the others, and the lock is rarely contended. Request
 * threads stay free to read bodies and write answers meanwhile.
 */
public final class SubmissionGate {

    private final Semaphore permits;
    private final int concurrency;

    /** @param concurrency how many submissions may run at once; 0 means one per available processor */
    public SubmissionGate(int concurrency) {
        if (concurrency < 0) {
            throw new IllegalArgumentException("the submission concurrency must be 0 (one per core) or more, not " + concurrency);
        }
        this.concurrency = concurrency == 0 ? Runtime.getRuntime().availableProcessors() : concurrency;
        this.permits = new Semaphore(this.concurrency, true);
    }

    /** Waits for a turn; every {@code enter} is followed by one {@link #leave()}, in a finally block. */
    void enter() {
        permits.acquireUninterruptibly();
    }

    void leave() {
        permits.release();
    }

    public int concurrency() {
        return concurrency;
    }

    /** Submissions waiting for a turn now (an estimate, for the metric). */
    public int waiting() {
        return permits.getQueueLength();
    }

    /** Submissions running now. */
    public int running() {
        return concurrency - permits.availablePermits();
    }
}
