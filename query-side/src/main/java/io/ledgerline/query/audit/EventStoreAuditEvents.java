package io.ledgerline.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.infrastructure.audit.AuditMetadata;
import io.ledgerline.infrastructure.audit.RecordedEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The audit API's events read through Axon's event store, whichever it is: the source in Axon
 * Server mode ({@code ledgerline.audit.source=event-store}, set by the profile), where the event
 * table is empty. One aggregate's history comes from the aggregate's stream, without positions
 * (Axon Server does not return them there); the global views read the global stream from a
 * position up to the newest event there was when the request came, with positions, and filter it
 * here. The stream ends early if no event arrives for {@code ledgerline.audit.stream-quiet-end}. Without the table's indexes a filtered page or a correlation may read far: they cost a scan
 * of the stream from the {@code after} position (docs/auditing.md). Verifying everything reads the
 * stream once for the aggregates' ids, then each aggregate's stream.
 */
@Component
@ConditionalOnProperty(name = AuditEvents.SOURCE, havingValue = "event-store")
class EventStoreAuditEvents implements AuditEvents {

    private final EventStore events;
    private final Serializer serializer;
    private final Duration quietEnd;

    EventStoreAuditEvents(EventStore events, @Qualifier("eventSerializer") Serializer serializer,
                          @Value("${ledgerline.audit.stream-quiet-end:PT2S}") Duration quietEnd) {
        this.events = events;
        this.serializer = serializer;
        this.quietEnd = quietEnd;
    }

    @Override
    public List<StoredEvent> stream(String aggregateId, Long upToSequence) {
        return RecordedEvent.history(events, serializer, aggregateId, upToSequence).stream().map(StoredEvent::of).toList();
    }

    @Override
    public List<StoredEvent> page(Filter filter, long afterPosition, int limit) {
        try (Stream<StoredEvent> stream = after(afterPosition)) {
            return stream.filter(event -> matches(filter, event)).limit(limit).toList();
        }
    }

    @Override
    public List<StoredEvent> byCorrelation(String correlationId) {
        return page(new Filter(null, null, null, null, correlationId), -1, Integer.MAX_VALUE);
    }

    @Override
    public void range(long from, long to, Consumer<Stream<StoredEvent>> consumer) {
        try (Stream<StoredEvent> stream = after(from - 1)) {
            consumer.accept(stream.takeWhile(event -> event.position() <= to));
        }
    }

    @Override
    public void everyStream(Consumer<Stream<StoredEvent>> consumer) {
        Set<String> aggregates;
        try (Stream<StoredEvent> stream = after(-1)) {
            aggregates = stream.map(StoredEvent::aggregateId).collect(Collectors.toCollection(TreeSet::new));
        }
        consumer.accept(aggregates.stream().flatMap(aggregateId -> stream(aggregateId, null).stream()));
    }

    /**
     * The aggregate events after {@code afterPosition} (-1: from the first) in global order, read
     * lazily, up to the newest event there was when asked; close the stream when done.
     */
    private Stream<StoredEvent> after(long afterPosition) {
        TrackingToken head = events.createHeadToken();
        if (head == null || head.position().isEmpty() || head.position().getAsLong() <= afterPosition) {
            return Stream.empty();
        }
        long newest = head.position().getAsLong();
        BlockingStream<TrackedEventMessage<?>> source = events.openStream(tokenAfter(afterPosition, head));
        Iterator<StoredEvent> iterator = new Iterator<>() {
            private StoredEvent next;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (next == null && !done) {
                    TrackedEventMessage<?> message = nextMessage();
                    if (message == null) {
                        done = true;
                        break;
                    }
                    long position = message.trackingToken().position().orElse(-1);
                    done = position >= newest;
                    if (position > afterPosition && message instanceof DomainEventMessage<?> event) {
                        next = StoredEvent.of(RecordedEvent.of(event, serializer, position));
                    }
                }
                return next != null;
            }

            @Override
            public StoredEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                StoredEvent event = next;
                next = null;
                return event;
            }

            private TrackedEventMessage<?> nextMessage() {
                try {
                    return source.hasNextAvailable(Math.toIntExact(quietEnd.toMillis()), TimeUnit.MILLISECONDS)
                            ? source.nextAvailable() : null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while reading the event stream", e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
                .onClose(source::close);
    }

    /** A token to stream from just after a position, in the store's own kind of token (null: from the first). */
    private static TrackingToken tokenAfter(long position, TrackingToken head) {
        if (position < 0) {
            return null;
        }
        if (head instanceof GapAwareTrackingToken) {
            return GapAwareTrackingToken.newInstance(position, List.of());
        }
        if (head instanceof GlobalSequenceTrackingToken) {
            return new GlobalSequenceTrackingToken(position);
        }
        return null; // unknown kind: from the first, skipping up to the position
    }

    private static boolean matches(Filter filter, StoredEvent event) {
        Instant at = DateTimeUtils.parseInstant(event.timestamp());
        if (filter.from() != null && at.isBefore(filter.from())) {
            return false;
        }
        if (filter.to() != null && !at.isBefore(filter.to())) {
            return false;
        }
        if (filter.type() != null && !event.payloadType().equals(filter.type())
                && !event.payloadType().endsWith("." + filter.type())) {
            return false;
        }
        if (filter.aggregateType() != null && !filter.aggregateType().equals(event.aggregateType())) {
            return false;
        }
        if (filter.correlationId() != null) {
            JsonNode metadata = EventDecoder.json(event.metadata());
            return filter.correlationId().equals(metadata.path(AuditMetadata.CORRELATION_ID).asText(null));
        }
        return true;
    }
}
