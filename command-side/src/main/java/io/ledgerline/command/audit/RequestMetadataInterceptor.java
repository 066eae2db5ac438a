package io.ledgerline.command.audit;

import io.ledgerline.command.idempotency.IdempotencyFilter;
import io.ledgerline.domain.shared.CustomerScope;
import io.ledgerline.infrastructure.audit.AuditMetadata;
import io.ledgerline.infrastructure.observability.TraceContext;
import io.ledgerline.infrastructure.security.Callers;
import io.ledgerline.infrastructure.security.ChannelMarks;
import io.ledgerline.infrastructure.web.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps commands sent while serving an HTTP request with the request's correlation id, principal,
 * idempotency key (with the request's fingerprint), trace context, for a caller acting for one
 * customer, that customer ({@link CustomerScope}), and the channel (MCP) when the request proves it
 * came through one ({@link ChannelMarks}). Commands sent elsewhere (by the fulfilment process)
 * inherit them from the event they react to instead ({@link CausationCorrelationProvider}).
 */
public class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(RequestMetadataInterceptor.class);

    private final TraceContext traces;
    private final ChannelMarks channels;

    public RequestMetadataInterceptor(TraceContext traces, ChannelMarks channels) {
        this.traces = traces;
        this.channels = channels;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return command;
            }
            HttpServletRequest request = attributes.getRequest();
            Map<String, Object> metadata = new HashMap<>(traces.current());
            Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
            if (correlationId != null) {
                metadata.put(AuditMetadata.CORRELATION_ID, correlationId);
            }
            metadata.put(AuditMetadata.PRINCIPAL,
                    request.getUserPrincipal() == null ? AuditMetadata.ANONYMOUS : request.getUserPrincipal().getName());
            String scope = Callers.customerScope(SecurityContextHolder.getContext().getAuthentication());
            if (scope != null) {
                metadata.put(CustomerScope.KEY, scope);
            }
            String channel = channels.verifiedChannel(request);
            if (channel != null) {
                metadata.put(AuditMetadata.CHANNEL, channel);
            } else if (channels.claimsUnproven(request)) {
                // Recorded as a plain REST command: the mark is Ledgerline's to give, not the caller's to claim.
                log.warn("Request {} claims channel '{}' without a valid proof; the mark is not recorded",
                        request.getRequestURI(), request.getHeader(ChannelMarks.CHANNEL_HEADER));
            }
            String idempotencyKey = request.getHeader(IdempotencyFilter.HEADER);
            if (idempotencyKey != null) {
                metadata.put(AuditMetadata.IDEMPOTENCY_KEY, idempotencyKey);
                Object fingerprint = request.getAttribute(IdempotencyFilter.FINGERPRINT);
                if (fingerprint != null) {
                    metadata.put(AuditMetadata.IDEMPOTENCY_FINGERPRINT, fingerprint);
                }
            }
            return command.andMetaData(metadata);
        };
    }
}
