package io.ledgerline.infrastructure.notification;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.List;

/**
 * Axon's embedded event store, announcing on {@link Channels#EVENTS} once an append has committed,
 * and reading the stream again at once when told that another process appended.
 */
public class AnnouncingEventStore extends EmbeddedEventStore {

    private final NotificationSender sender;
    private final FetchObservingStorage storage;

    private AnnouncingEventStore(Builder builder, FetchObservingStorage storage, NotificationSender sender) {
        super(builder.storageEngine(storage));
        this.sender = sender;
        this.storage = storage;
    }

    /** The store over {@code storage}, configured by {@code builder} (whose storage engine it sets). */
    public static AnnouncingEventStore over(EventStorageEngine storage, Builder builder, NotificationSender sender) {
        return new AnnouncingEventStore(builder, new FetchObservingStorage(storage), sender);
    }

    /**
     * Once the unit of work that appended {@code events} has committed, and, when it ran inside a
     * larger Spring transaction (an idempotent request, a saga's batch), once that one has: until
     * then the events are invisible, and a reader woken at once would find nothing and wait for its
     * fallback poll (about a second, which every keyed command's downstream used to wait).
     */
    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        NotificationSender.afterCommit(() -> announce(events));
    }

    private void announce(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        sender.announce(Channels.EVENTS);
    }

    /** Makes the shared reader look for new events now rather than after its fetch delay. */
    public void fetchNow() {
        super.afterCommit(List.of());
    }

    /** Runs {@code callback} whenever the shared reader has taken in an event (it must be quick). */
    AutoCloseable onFetched(Runnable callback) {
        return storage.onFetched(callback);
    }
}
