package io.ledgerline.infrastructure.audit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.List;

/**
 * One aggregate event in the form the audit API and the hash chain work on: its place, its
 * identity, and its payload and metadata as the event serializer writes them.
 *
 * @param position the global position, or null where the store does not tell it (Axon Server
 *                 answers an aggregate's events without their positions)
 */
public record RecordedEvent(Long position, String aggregateId, String aggregateType, long sequence, String eventId,
                            String payloadType, String payloadRevision, String timestamp, byte[] payload,
                            byte[] metadata) {

    /**
     * One aggregate's events, oldest first, read through Axon's event store, whichever it is (JDBC or
     * Axon Server): from the first event, not from a snapshot, and up to {@code upToSequence}
     * (inclusive) when not null. Payload and metadata are serialized again with the serializer that
     * wrote them, so their JSON is what the hash chain covered.
     */
    public static List<RecordedEvent> history(EventStore events, Serializer serializer, String aggregateId,
                                              Long upToSequence) {
        List<RecordedEvent> history = new ArrayList<>();
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (upToSequence != null && event.getSequenceNumber() > upToSequence) {
                break;
            }
            history.add(of(event, serializer, null));
        }
        return history;
    }

    public static RecordedEvent of(DomainEventMessage<?> event, Serializer serializer, Long position) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = event.serializeMetaData(serializer, byte[].class);
        return new RecordedEvent(position, event.getAggregateIdentifier(), event.getType(), event.getSequenceNumber(),
                event.getIdentifier(), payload.getType().getName(), payload.getType().getRevision(),
                DateTimeUtils.formatInstant(event.getTimestamp()), payload.getData(), metadata.getData());
    }

    /** What the hash chain covers of this event ({@link EventHash}). */
    public EventHash.Content hashContent() {
        return new EventHash.Content(aggregateId, aggregateType, sequence, eventId, payloadType, payloadRevision,
                DateTimeUtils.parseInstant(timestamp).toEpochMilli(), payload, metadata);
    }
}
