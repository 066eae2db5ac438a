package io.ledgerline.infrastructure.notification;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event stream the streaming processors read: the embedded event store's, woken when
 * {@link Channels#EVENTS} says an append committed (in this process or another), and with the
 * availability callback Axon's embedded store does not offer. A pooled processor with nothing to
 * do thus starts on a new event as soon as the store's shared reader has it, instead of looking
 * every half second; the shared reader itself looks every {@code ledgerline.events.poll-interval}
 * when told nothing, in case a notification was lost.
 */
public class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final AnnouncingEventStore store;

    public NotifiedEventSource(AnnouncingEventStore store, Signal appended) {
        this.store = store;
        appended.onFire(store::fetchNow);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new CallbackStream(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    /** The store's stream, calling back when the shared reader has taken in events. */
    private final class CallbackStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private AutoCloseable subscription;

        private CallbackStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public synchronized boolean setOnAvailableCallback(Runnable callback) {
            unsubscribe();
            subscription = store.onFetched(callback);
            return true;
        }

        @Override
        public synchronized void close() {
            unsubscribe();
            delegate.close();
        }

        private void unsubscribe() {
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
