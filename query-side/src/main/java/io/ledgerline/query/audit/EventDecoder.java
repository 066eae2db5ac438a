package io.ledgerline.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns stored rows into what auditors read, through the same serializer and upcaster chain the
 * apps use, so an old event reads as its current shape (docs/auditing.md).
 */
@Component
class EventDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Serializer serializer;
    private final Configuration axon;

    EventDecoder(@Qualifier("eventSerializer") Serializer serializer, Configuration axon) {
        this.serializer = serializer;
        this.axon = axon;
    }

    /** The views of one stored event; an upcaster may turn one stored event into several, or none. */
    Stream<EventView> views(StoredEvent event) {
        Object metadata = plain(json(event.metadata()));
        return axon.upcasterChain().upcast(Stream.of(new InitialEventRepresentation(event.entry(), serializer)))
                .map(upcast -> new EventView(event.position(), event.aggregateId(), event.aggregateType(),
                        event.sequence(), event.eventId(), simpleName(upcast.getType().getName()),
                        upcast.getType().getName(), upcast.getType().getRevision(), event.timestamp(),
                        plain(upcast.getData(JsonNode.class).getData()), metadata));
    }

    List<EventView> views(List<StoredEvent> events) {
        return events.stream().flatMap(this::views).toList();
    }

    /** The events as messages with deserialized payloads, for replaying through the domain model. */
    List<? extends DomainEventMessage<?>> messages(List<StoredEvent> events) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream().map(StoredEvent::entry), serializer,
                axon.upcasterChain()).asStream().toList();
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** A JSON tree as the maps, lists and values it holds. */
    static Object plain(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }

    static JsonNode json(byte[] bytes) {
        try {
            return bytes == null ? JSON.nullNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
