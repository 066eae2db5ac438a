package io.ledgerline.command.audit;

import io.ledgerline.infrastructure.audit.AuditMetadata;
import io.ledgerline.infrastructure.audit.EventHash;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Links each aggregate's events into a hash chain ({@link EventHash}) just before they are
 * appended: every event gets its own {@code hash} and its predecessor's {@code previousHash} in its
 * metadata. It must be the last interceptor to touch event metadata, since the hash covers it.
 * <p>
 * The predecessor's hash comes from what the unit of work already read ({@link ChainHeads}: the
 * events the aggregate was just loaded from), and only otherwise from the store. The payload is
 * serialized once: the message it returns hands the storage engine the bytes that were hashed.
 */
public class HashChainInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Serializer serializer;
    private final Supplier<EventStore> eventStore;

    public HashChainInterceptor(Serializer serializer, Supplier<EventStore> eventStore) {
        this.serializer = serializer;
        this.eventStore = eventStore;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, String> lastHash = new HashMap<>();
        return (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> event) || event.getAggregateIdentifier() == null) {
                return message;
            }
            String previous = lastHash.computeIfAbsent(event.getAggregateIdentifier(),
                    id -> ChainHeads.hashBefore(event).orElseGet(() -> storedHashBefore(event)));
            SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
            MetaData metadata = event.getMetaData().withoutKeys(Set.of(AuditMetadata.HASH, AuditMetadata.PREVIOUS_HASH));
            String hash = EventHash.of(new EventHash.Content(event.getAggregateIdentifier(), event.getType(),
                    event.getSequenceNumber(), event.getIdentifier(), payload.getType().getName(),
                    payload.getType().getRevision(), event.getTimestamp().toEpochMilli(), payload.getData(),
                    serializer.serialize(metadata, byte[].class).getData()), previous);
            lastHash.put(event.getAggregateIdentifier(), hash);
            return new ChainedEventMessage<>(event, metadata.and(AuditMetadata.HASH, hash)
                    .and(AuditMetadata.PREVIOUS_HASH, previous), serializer, payload);
        };
    }

    /** The hash of the stored event just before this one, or the genesis value for a first event. */
    private String storedHashBefore(DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            return EventHash.GENESIS;
        }
        DomainEventStream stream = eventStore.get().readEvents(event.getAggregateIdentifier(), event.getSequenceNumber() - 1);
        if (stream.hasNext()) {
            Object hash = stream.next().getMetaData().get(AuditMetadata.HASH);
            if (hash != null) {
                return hash.toString();
            }
        }
        return EventHash.GENESIS;
    }
}
