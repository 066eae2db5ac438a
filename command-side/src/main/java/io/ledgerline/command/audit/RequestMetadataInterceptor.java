package io.ledgerline.command.audit;

import io.ledgerline.command.idempotency.IdempotencyFilter;
import io.ledgerline.domain.shared.CustomerScope;
import io.ledgerline.infrastructure.audit.AuditMetadata;
import io.ledgerline.infrastructure.observability.TraceContext;
import io.ledgerline.infrastructure.security.Callers;
import io.ledgerline.infrastructure.web.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps commands sent while serving an HTTP request with the request's correlation id, principal,
 * idempotency key (with the request's fingerprint), trace context and, for a caller acting for one customer, that customer
 * ({@link CustomerScope}). Commands sent elsewhere (by the fulfilment process) inherit them from the
 * event they react to instead ({@link CausationCorrelationProvider}).
 */
public class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final TraceContext traces;

    public RequestMetadataInterceptor(TraceContext traces) {
        this.traces = traces;
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
