package org.tcentre.gdpr.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubmissionGateTest {

    @Test
    void zero_means_one_per_core() {
        assertThat(new SubmissionGate(0).concurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(new SubmissionGate(3).concurrency()).isEqualTo(3);
        assertThatThrownBy(() -> new SubmissionGate(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 (one per core) or more");
    }

    @Test
    void admits_at_most_its_concurrency() throws Exception {
        List<Integer> admitted = sixArrivals(new SubmissionGate(2), 2);
        assertThat(admitted.subList(0, 2)).containsExactlyInAnyOrder(0, 1);
        assertThat(admitted).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }

    @Test
    void lets_the_waiting_in_in_the_order_they_came() throws Exception {
        // One at a time, so the order of entry is the order of admission.
        assertThat(sixArrivals(new SubmissionGate(1), 1)).containsExactly(0, 1, 2, 3, 4, 5);
    }

    /** Six threads arrive one after the other and hold the gate until all have arrived; returns who got in, in order. */
    private static List<Integer> sixArrivals(SubmissionGate gate, int concurrency) throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        List<Integer> admitted = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int number = i;
            Thread thread = new Thread(() -> {
                gate.enter();
                try {
                    admitted.add(number);
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    gate.leave();
                }
            });
            threads.add(thread);
            thread.start();
            // Each thread is inside, or queued, before the next one arrives: arrival order is 0, 1, 2, ...
            awaitUntil(() -> gate.running() + gate.waiting() == number + 1);
        }

        assertThat(gate.running()).isEqualTo(concurrency);
        assertThat(gate.waiting()).isEqualTo(6 - concurrency);
        assertThat(admitted).hasSize(concurrency);

        hold.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(gate.running()).isZero();
        assertThat(gate.waiting()).isZero();
        return admitted;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for the gate");
            }
            Thread.sleep(1);
        }
    }
}
