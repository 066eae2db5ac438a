package io.ledgerline.projections.runtime;

import io.ledgerline.infrastructure.audit.AuditMetadata;
import io.ledgerline.infrastructure.observability.TraceContext;
import io.ledgerline.infrastructure.web.CorrelationIdFilter;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Handles each event in a savepoint of the batch's transaction. When a handler fails, PostgreSQL
 * would otherwise abort the whole transaction: the event could not be parked as a dead letter,
 * and the events before it in the batch would be lost too. Rolling back to the savepoint undoes
 * exactly the failed event's writes and keeps the transaction usable.
 */
final class AtomicEventHandler implements EventMessageHandler {

    private static final TransactionDefinition SAVEPOINT =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private static final Logger log = LoggerFactory.getLogger(AtomicEventHandler.class);

    private final EventMessageHandler delegate;
    private final PlatformTransactionManager transactions;
    private final TraceContext traces;
    private final String processor;

    AtomicEventHandler(EventMessageHandler delegate, PlatformTransactionManager transactions, TraceContext traces,
                       String processor) {
        this.delegate = delegate;
        this.transactions = transactions;
        this.traces = traces;
        this.processor = processor;
    }

    /**
     * Handles the event in a span that continues the trace of the request that caused it, with the
     * request's correlation id on every log line meanwhile.
     */
    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        if (!delegate.canHandle(event)) {
            return null;
        }
        Span span = traces.continueFrom(event.getMetaData(), processor + " " + event.getPayloadType().getSimpleName());
        Object correlationId = event.getMetaData().get(AuditMetadata.CORRELATION_ID);
        try (Tracer.SpanInScope scope = traces.tracer().withSpan(span);
             MDC.MDCCloseable mdc = MDC.putCloseable(CorrelationIdFilter.MDC_KEY, correlationId == null ? "" : correlationId.toString())) {
            Object result = handleAtomically(event);
            log.debug("{} handled {} {}", processor, event.getPayloadType().getSimpleName(), event.getIdentifier());
            return result;
        } catch (Exception | Error failure) {
            span.error(failure);
            throw failure;
        } finally {
            span.end();
        }
    }

    private Object handleAtomically(EventMessage<?> event) throws Exception {
        TransactionStatus savepoint = transactions.getTransaction(SAVEPOINT);
        Object result;
        try {
            result = delegate.handle(event);
        } catch (Exception | Error failure) {
            transactions.rollback(savepoint);
            throw failure;
        }
        transactions.commit(savepoint);
        return result;
    }

    @Override
    public boolean canHandle(EventMessage<?> event) {
        return delegate.canHandle(event);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return delegate.canHandleType(payloadType);
    }

    @Override
    public Class<?> getTargetType() {
        return delegate.getTargetType();
    }

    @Override
    public boolean supportsReset() {
        return delegate.supportsReset();
    }

    @Override
    public <R> void prepareReset(R resetContext) {
        delegate.prepareReset(resetContext);
    }
}
