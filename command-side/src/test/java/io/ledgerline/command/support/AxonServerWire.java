package io.ledgerline.command.support;

import com.google.protobuf.InvalidProtocolBufferException;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import io.ledgerline.infrastructure.serialization.MessageSerialization;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;

/**
 * What a command's result becomes on its way through Axon Server: the handling instance's
 * connector turns it into a gRPC {@code CommandResponse} with the app's message serializer, the
 * dispatching instance's connector turns the bytes back into a result. Axon Server itself only
 * passes the bytes on, so this is the whole conversion a refused command goes through.
 */
public final class AxonServerWire {

    private static final CommandSerializer CONNECTOR = new CommandSerializer(new MessageSerialization().serializer(),
            AxonServerConfiguration.builder().componentName("command-side").clientId("command-side@test").build());

    private AxonServerWire() {
    }

    public static CommandResultMessage<?> across(CommandResultMessage<?> handled) {
        byte[] bytes = CONNECTOR.serialize(handled, "request-1").toByteArray();
        try {
            return CONNECTOR.deserialize(CommandResponse.parseFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exception the dispatching instance receives for one the handling instance ended with. */
    public static RuntimeException across(Throwable handledFailure) {
        return (RuntimeException) across(new GenericCommandResultMessage<>(handledFailure)).exceptionResult();
    }
}
