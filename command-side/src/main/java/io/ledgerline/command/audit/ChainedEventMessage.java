package io.ledgerline.command.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * An event with its hash-chain metadata, which keeps the payload as the chain serialized it to
 * compute the hash, so that the storage engine stores those very bytes instead of serializing the
 * payload a second time (a new message made by adding metadata would start without them).
 */
final class ChainedEventMessage<T> extends GenericDomainEventMessage<T> {

    private final transient Serializer serializer;
    private final transient SerializedObject<byte[]> payload;

    ChainedEventMessage(DomainEventMessage<T> event, MetaData metaData, Serializer serializer,
                        SerializedObject<byte[]> payload) {
        super(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                new GenericMessage<>(event.getIdentifier(), event.getPayloadType(), event.getPayload(), metaData),
                event.getTimestamp());
        this.serializer = serializer;
        this.payload = payload;
    }

    @Override
    public <S> SerializedObject<S> serializePayload(Serializer serializer, Class<S> expectedRepresentation) {
        if (serializer == this.serializer && this.payload != null) {
            return serializer.getConverter().convert(payload, expectedRepresentation);
        }
        return super.serializePayload(serializer, expectedRepresentation);
    }
}
