package io.ledgerline.infrastructure.notification;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The storage engine under Axon's embedded event store, telling streaming processors when the
 * store's shared reader (its producer) has taken in new events.
 * <p>
 * The embedded store reads the stream once for every processor at the head and caches it, which is
 * what keeps the database's work per event constant however many processors there are. But it
 * gives the processors no availability callback, so an idle pooled processor only looks again
 * every half second. The producer asks this engine for the stream (the only caller that passes
 * {@code mayBlock}); each time it comes back for the next event, the one before is in the cache, and
 * the callbacks registered here run ({@link NotifiedEventSource} registers the processors').
 */
final class FetchObservingStorage implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();

    FetchObservingStorage(EventStorageEngine delegate) {
        this.delegate = delegate;
    }

    AutoCloseable onFetched(Runnable callback) {
        callbacks.add(callback);
        return () -> callbacks.remove(callback);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
        if (!mayBlock) {
            return events;
        }
        Spliterator<? extends TrackedEventMessage<?>> source = events.spliterator();
        Spliterator<TrackedEventMessage<?>> observed = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private boolean handedOut;

            @Override
            public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
                if (handedOut) {
                    // The producer is back for more: the event it took last is in the cache now.
                    handedOut = false;
                    callbacks.forEach(Runnable::run);
                }
                boolean more = source.tryAdvance(action);
                handedOut = more;
                return more;
            }
        };
        return StreamSupport.stream(observed, false).onClose(events::close);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
