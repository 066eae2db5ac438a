package io.ledgerline.infrastructure.notification;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What one notification channel has said so far: a count that grows with every notification
 * received (and whenever notifications may have been missed, so that waiters look for themselves),
 * and callbacks run when it does.
 */
public final class Signal {

    private final String channel;
    private final AtomicLong count = new AtomicLong();
    private final Set<Consumer<String>> callbacks = new CopyOnWriteArraySet<>();
    private volatile boolean listening;

    Signal(String channel) {
        this.channel = channel;
    }

    public String channel() {
        return channel;
    }

    /** How many times the channel has fired; compare with an earlier value to see whether it fired since. */
    public long count() {
        return count.get();
    }

    /**
     * True while this instance listens on the channel. While it does not (no connection yet, or a
     * lost one being re-established), notifications are missed and readers must poll at their
     * fallback rate.
     */
    public boolean listening() {
        return listening;
    }

    /** Runs {@code callback} (on the listener's thread; it must be quick) each time the channel fires. */
    public AutoCloseable onFire(Runnable callback) {
        return onPayload(payload -> callback.run());
    }

    /**
     * Hands {@code callback} the payload of every notification on the channel (on the listener's
     * thread; it must be quick), or {@code null} when notifications may have been missed and
     * whoever waits should look for themselves.
     */
    public AutoCloseable onPayload(Consumer<String> callback) {
        callbacks.add(callback);
        return () -> callbacks.remove(callback);
    }

    void listening(boolean listening) {
        this.listening = listening;
    }

    void fire(String payload) {
        count.incrementAndGet();
        for (Consumer<String> callback : callbacks) {
            try {
                callback.accept(payload);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Signal.class).warn("A callback on channel {} failed", channel, e);
            }
        }
    }
}
