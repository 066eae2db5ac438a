package io.ledgerline.query.web;

import io.ledgerline.infrastructure.notification.Channels;
import io.ledgerline.infrastructure.notification.DatabaseNotifications;
import io.ledgerline.infrastructure.notification.ReadModelNotice;
import io.ledgerline.infrastructure.notification.Signal;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Where requests that wait for the read side (read-your-writes) sleep until the projections say
 * something they wait for has changed: a request waiting for order 42 wakes when a batch wrote
 * order 42's rows (or too many rows to name), not at every batch; one waiting for a position wakes
 * when the model's tokens move. When notifications may have been missed, everyone wakes.
 */
@Component
public class ReadModelWaits {

    private final Signal readModels;
    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();

    public ReadModelWaits(DatabaseNotifications notifications) {
        this.readModels = notifications.signal(Channels.READ_MODELS);
        readModels.onPayload(this::heard);
    }

    /** True while the projections' notifications are heard, so that waits may rely on them. */
    public boolean listening() {
        return readModels.listening();
    }

    /** Registers a wait for what {@code concerns} accepts; close it when done. */
    public Waiter waitFor(Predicate<ReadModelNotice> concerns) {
        Waiter waiter = new Waiter(Thread.currentThread(), concerns);
        waiting.add(waiter);
        return waiter;
    }

    private void heard(String payload) {
        ReadModelNotice notice = ReadModelNotice.parse(payload);
        for (Waiter waiter : waiting) {
            if (notice == null || waiter.concerns.test(notice)) {
                waiter.wake();
            }
        }
    }

    /** One waiting request. */
    public final class Waiter implements AutoCloseable {

        private final Thread thread;
        private final Predicate<ReadModelNotice> concerns;
        private volatile boolean woken;

        private Waiter(Thread thread, Predicate<ReadModelNotice> concerns) {
            this.thread = thread;
            this.concerns = concerns;
        }

        /** Forgets earlier wake-ups: call before looking, so that a change made meanwhile is not missed. */
        public void arm() {
            woken = false;
        }

        /** Sleeps until woken (since {@link #arm}) or for at most {@code nanos}. */
        public void sleep(long nanos) {
            long deadline = System.nanoTime() + nanos;
            long remaining = nanos;
            while (!woken && remaining > 0) {
                LockSupport.parkNanos(this, remaining);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    return;
                }
                remaining = deadline - System.nanoTime();
            }
        }

        private void wake() {
            woken = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void close() {
            waiting.remove(this);
        }
    }
}
