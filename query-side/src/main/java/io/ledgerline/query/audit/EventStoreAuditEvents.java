package io.ledgerline.query.audit;

import io.ledgerline.infrastructure.audit.RecordedEvent;
import io.ledgerline.query.web.NotInThisModeException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The audit API's events in Axon Server mode, read through Axon's event store: one aggregate's
 * history, its state at a version or time, and its chain check work as in the JDBC mode (without
 * global positions, which Axon Server does not return with an aggregate's events). The views over
 * the global stream (filtered pages, correlations, export, verifying everything) need an index
 * of the stream the table gives and Axon Server's API does not; they answer 501 here
 * (docs/deployment.md).
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class EventStoreAuditEvents implements AuditEvents {

    private static final String GLOBAL = "The global event stream (filtered pages, correlations, export, verifying "
            + "every aggregate) is not served in Axon Server mode; per-aggregate history, state and verification are";

    private final EventStore events;
    private final Serializer serializer;

    EventStoreAuditEvents(EventStore events, @Qualifier("eventSerializer") Serializer serializer) {
        this.events = events;
        this.serializer = serializer;
    }

    @Override
    public List<StoredEvent> stream(String aggregateId, Long upToSequence) {
        return RecordedEvent.history(events, serializer, aggregateId, upToSequence).stream().map(StoredEvent::of).toList();
    }

    @Override
    public List<StoredEvent> page(Filter filter, long afterPosition, int limit) {
        throw new NotInThisModeException(GLOBAL);
    }

    @Override
    public List<StoredEvent> byCorrelation(String correlationId) {
        throw new NotInThisModeException(GLOBAL);
    }

    @Override
    public void range(long from, long to, Consumer<Stream<StoredEvent>> consumer) {
        throw new NotInThisModeException(GLOBAL);
    }

    @Override
    public void everyStream(Consumer<Stream<StoredEvent>> consumer) {
        throw new NotInThisModeException(GLOBAL);
    }
}
