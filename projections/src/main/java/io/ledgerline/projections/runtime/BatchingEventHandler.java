package io.ledgerline.projections.runtime;

import io.ledgerline.infrastructure.audit.AuditMetadata;
import io.ledgerline.infrastructure.observability.TraceContext;
import io.ledgerline.infrastructure.web.CorrelationIdFilter;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import io.ledgerline.infrastructure.notification.Channels;
import io.ledgerline.infrastructure.notification.NotificationSender;
import io.ledgerline.infrastructure.notification.ReadModelNotice;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a read model's handlers over a processor's batch and writes what they change in one go.
 * <p>
 * <b>The usual path.</b> Each handler call only collects its row writes ({@link ReadModelSql#write});
 * when the batch commits, they are sent together ({@link RowWrites}), in the transaction that also
 * stores the tracking token. No savepoint, no statement per event. A handler that throws has its
 * writes dropped, and the dead-letter queue parks its event as before.
 * <p>
 * <b>When a batch fails to write</b> (the database refuses a row), the whole batch rolls back and
 * the processor retries it. Events up to the failed batch's last position are then handled one at a
 * time, each written at once inside a savepoint: the refused event fails alone, is parked, and only
 * its aggregate's later events wait behind it. After that position the usual path resumes.
 * <p>
 * <b>Tracing.</b> One span per batch, linked to the traces of the requests that caused its events;
 * while an event is handled, its request's correlation id is on every log line.
 */
final class BatchingEventHandler implements EventMessageHandler {

    private static final TransactionDefinition SAVEPOINT =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
    private static final String BATCH = BatchingEventHandler.class.getName() + ".batch";
    private static final int MAX_LINKS = 64;

    private static final Logger log = LoggerFactory.getLogger(BatchingEventHandler.class);

    private final EventMessageHandler delegate;
    private final PlatformTransactionManager transactions;
    private final NamedParameterJdbcOperations jdbc;
    private final TraceContext traces;
    private final String processor;
    private final String model;
    private final NotificationSender notifications;
    /** Events at or below this position are handled one at a time (-1: none). */
    private final AtomicLong oneByOneUntil = new AtomicLong(-1);

    BatchingEventHandler(EventMessageHandler delegate, PlatformTransactionManager transactions,
                         NamedParameterJdbcOperations jdbc, TraceContext traces, String processor, String model,
                         NotificationSender notifications) {
        this.model = model;
        this.notifications = notifications;
        this.delegate = delegate;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.traces = traces;
        this.processor = processor;
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        if (!delegate.canHandle(event)) {
            return null;
        }
        Batch batch = batchOf(event);
        Object correlationId = event.getMetaData().get(AuditMetadata.CORRELATION_ID);
        try (MDC.MDCCloseable correlation = MDC.putCloseable(CorrelationIdFilter.MDC_KEY,
                correlationId == null ? "" : correlationId.toString())) {
            Object[] result = new Object[1];
            List<RowWrites.Write> writes = RowWrites.collecting(() -> result[0] = delegate.handle(event));
            if (batch == null) {
                writeNow(writes);
            } else {
                batch.writes.addAll(writes);
            }
            log.debug("{} handled {} {}", processor, event.getPayloadType().getSimpleName(), event.getIdentifier());
            return result[0];
        } catch (Exception | Error failure) {
            if (batch != null) {
                batch.span.error(failure);
            }
            throw failure;
        }
    }

    /**
     * The batch this event is handled in, started on its first event; null when the event must be
     * written at once (a retried dead letter, an event of a batch that failed to write, or no
     * processor batch at all).
     */
    private Batch batchOf(EventMessage<?> event) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> unitOfWork)
                || position(event) <= oneByOneUntil.get()) {
            return null;
        }
        return unitOfWork.getOrComputeResource(BATCH, key -> startBatch(unitOfWork));
    }

    private Batch startBatch(BatchingUnitOfWork<?> unitOfWork) {
        List<? extends Message<?>> messages = unitOfWork.getMessages();
        Span span = traces.batch(processor + " batch",
                messages.stream().map(Message::getMetaData).toList(), MAX_LINKS);
        span.tag("ledgerline.batch.events", messages.size());
        Batch batch = new Batch(span);
        unitOfWork.onPrepareCommit(u -> flush(batch, messages));
        unitOfWork.onCleanup(u -> span.end());
        return batch;
    }

    private void flush(Batch batch, List<? extends Message<?>> messages) {
        if (batch.writes.isEmpty()) {
            return;
        }
        try (Tracer.SpanInScope scope = traces.tracer().withSpan(batch.span)) {
            int rows = batch.writes.size();
            announceAfterCommit(batch.writes.keys());
            int statements = batch.writes.flush(jdbc);
            batch.span.tag("ledgerline.batch.writes", rows);
            batch.span.tag("ledgerline.batch.statements", statements);
            log.debug("{} wrote {} rows in {} statements for a batch of {} events", processor, rows, statements,
                    messages.size());
        } catch (RuntimeException failure) {
            long last = messages.stream().mapToLong(BatchingEventHandler::position).max().orElse(-1);
            oneByOneUntil.accumulateAndGet(last, Math::max);
            batch.span.error(failure);
            log.warn("{}: a batch of {} events could not be written ({}); handling them one at a time up to "
                    + "position {} to park only the failing event", processor, messages.size(), rootMessage(failure), last);
            throw failure;
        }
    }

    /** Writes one event's rows at once, in a savepoint so that a refused write undoes only them. */
    private void writeNow(List<RowWrites.Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        RowWrites rows = new RowWrites();
        rows.addAll(writes);
        announceAfterCommit(rows.keys());
        TransactionStatus savepoint = transactions.getTransaction(SAVEPOINT);
        try {
            rows.flush(jdbc);
        } catch (RuntimeException | Error failure) {
            transactions.rollback(savepoint);
            throw failure;
        }
        transactions.commit(savepoint);
    }

    /**
     * Tells the query side which rows changed once they are committed ({@link ReadModelNotice}), so
     * that only requests waiting for those rows read them again.
     */
    private void announceAfterCommit(Set<String> keys) {
        notifications.announceAfterCommit(Channels.READ_MODELS, ReadModelNotice.rowsTopic(model), keys);
    }

    private static long position(Message<?> message) {
        return message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(Long.MAX_VALUE) : Long.MAX_VALUE;
    }

    private static String rootMessage(Throwable failure) {
        return NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
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

    /** What one processor batch has collected so far, and its span. */
    private static final class Batch {
        private final RowWrites writes = new RowWrites();
        private final Span span;

        private Batch(Span span) {
            this.span = span;
        }
    }
}
