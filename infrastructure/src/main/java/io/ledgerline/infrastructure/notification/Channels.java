package io.ledgerline.infrastructure.notification;

/** The notification channels the apps use. */
public final class Channels {

    /** An append to the event store committed. */
    public static final String EVENTS = "ledgerline_events";

    /** A projection batch committed: read models and their tokens moved on. */
    public static final String READ_MODELS = "ledgerline_read";

    /** A projection's dead letters changed: one was parked, retried, requeued or evicted. */
    public static final String DEAD_LETTERS = "ledgerline_dead_letters";

    private Channels() {
    }
}
