package io.ledgerline.command.audit;

import io.ledgerline.infrastructure.audit.AuditMetadata;
import io.ledgerline.infrastructure.observability.TraceContext;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every message produced while handling another (events from a command, commands from a saga's
 * event) carries the handled message's id as {@code causationId} and passes on its correlation id,
 * principal, channel, idempotency key and trace context. A command's events also get the fingerprint of the
 * request it was sent for, which goes no further. Replaces Axon's default origin provider, whose keys mean
 * something else.
 */
public class CausationCorrelationProvider implements CorrelationDataProvider {

    private static final List<String> INHERITED = List.of(AuditMetadata.CORRELATION_ID, AuditMetadata.PRINCIPAL,
            AuditMetadata.CHANNEL, AuditMetadata.IDEMPOTENCY_KEY, TraceContext.TRACEPARENT);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : INHERITED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        Object fingerprint = message.getMetaData().get(AuditMetadata.IDEMPOTENCY_FINGERPRINT);
        if (fingerprint != null && message instanceof CommandMessage<?>) {
            data.put(AuditMetadata.IDEMPOTENCY_FINGERPRINT, fingerprint); // a request's command to its events, no further
        }
        data.putIfAbsent(AuditMetadata.CORRELATION_ID, message.getIdentifier());
        data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
