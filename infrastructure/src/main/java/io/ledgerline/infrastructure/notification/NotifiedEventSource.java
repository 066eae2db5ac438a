package io.ledgerline.infrastructure.notification;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event stream the streaming processors read: the JDBC storage engine's, read again as soon as
 * {@link Channels#EVENTS} says an append committed, and otherwise only every {@code idlePoll}
 * (every {@code lostPoll} while the notifications are not heard).
 * <p>
 * Axon's embedded event store gives its streams no availability callback, so a pooled processor
 * with nothing to do looks again only every half second. These streams take the processor's
 * callback and call it when the channel fires, so a processor starts on a new event within
 * milliseconds of its commit, across processes.
 */
public class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStore eventStore;
    private final EventStorageEngine storage;
    private final Signal appended;
    private final Duration idlePoll;
    private final Duration lostPoll;

    public NotifiedEventSource(EventStore eventStore, EventStorageEngine storage, Signal appended, Duration idlePoll,
                               Duration lostPoll) {
        this.eventStore = eventStore;
        this.storage = storage;
        this.appended = appended;
        this.idlePoll = idlePoll;
        this.lostPoll = lostPoll;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new NotifiedStream(token);
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    private final class NotifiedStream implements TrackingEventStream {

        private TrackingToken lastToken;
        private Stream<? extends TrackedEventMessage<?>> page;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> peeked;
        private long heard = Long.MIN_VALUE;
        private long readAt;
        private AutoCloseable subscription;

        private NotifiedStream(TrackingToken token) {
            this.lastToken = token;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return hasNextAvailable() ? Optional.of(peeked) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!advance()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                long untilPoll = readAt + pollInterval().toNanos() - System.nanoTime();
                appended.awaitChange(heard, Math.max(1, Math.min(remaining, untilPoll)), TimeUnit.NANOSECONDS);
            }
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            return advance();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // keep waiting: the caller asked for the next event, whenever it comes
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            return next;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            closeSubscription();
            subscription = appended.onFire(callback);
            return true;
        }

        @Override
        public void close() {
            closePage();
            closeSubscription();
        }

        /** True once an event is peeked; reads the store only when told to, or when the poll is due. */
        private boolean advance() {
            if (peeked != null) {
                return true;
            }
            if (events == null || !events.hasNext()) {
                long count = appended.count();
                boolean due = System.nanoTime() - readAt >= pollInterval().toNanos();
                if (events != null && count == heard && !due) {
                    return false;
                }
                closePage();
                heard = count;
                readAt = System.nanoTime();
                page = storage.readEvents(lastToken, false);
                events = page.iterator();
                if (!events.hasNext()) {
                    return false;
                }
            }
            peeked = events.next();
            lastToken = peeked.trackingToken();
            return true;
        }

        private Duration pollInterval() {
            return appended.listening() ? idlePoll : lostPoll;
        }

        private void closePage() {
            if (page != null) {
                page.close();
                page = null;
                events = null;
            }
        }

        private void closeSubscription() {
            if (subscription != null) {
                try {
                    subscription.close();
                } catch (Exception ignored) {
                    // removing a callback from a set does not fail
                }
                subscription = null;
            }
        }
    }
}
