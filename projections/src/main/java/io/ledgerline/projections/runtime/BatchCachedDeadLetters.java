package io.ledgerline.projections.runtime;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A processor's dead-letter queue that answers "is this aggregate's sequence parked?" from one query
 * per batch instead of one per event. The dead-letter invoker asks it before every event; the JDBC
 * queue would count rows each time. Here the first question in a batch reads the parked sequence
 * identifiers of the processing group once, and the rest of the batch (plus whatever it parks)
 * answers from that set. Each batch reads afresh, so what another instance parked, retried or
 * evicted is seen from the next batch on. Outside a batch (an operator's retry) it asks the queue.
 * Everything else goes to the JDBC queue unchanged.
 */
final class BatchCachedDeadLetters implements SequencedDeadLetterQueue<EventMessage<?>> {

    private final SequencedDeadLetterQueue<EventMessage<?>> delegate;
    private final JdbcClient jdbc;
    private final String processingGroup;
    private final String resourceKey;

    BatchCachedDeadLetters(SequencedDeadLetterQueue<EventMessage<?>> delegate, JdbcClient jdbc, String processingGroup) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.processingGroup = processingGroup;
        this.resourceKey = BatchCachedDeadLetters.class.getName() + "." + processingGroup;
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        Set<String> parked = parkedInBatch();
        return parked == null ? delegate.contains(sequenceIdentifier) : parked.contains(asString(sequenceIdentifier));
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        delegate.enqueue(sequenceIdentifier, letter);
        Set<String> parked = parkedInBatch();
        if (parked != null) {
            parked.add(asString(sequenceIdentifier));
        }
    }

    /** The parked sequences as this batch knows them, read on first use; null outside a processor batch. */
    private Set<String> parkedInBatch() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            return null;
        }
        return batch.getOrComputeResource(resourceKey, key -> new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT sequence_identifier FROM read.dead_letter_entry WHERE processing_group = ?""")
                .param(processingGroup)
                .query(String.class)
                .list()));
    }

    /** How the JDBC queue stores a sequence identifier. */
    private static String asString(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof String text ? text : Integer.toString(sequenceIdentifier.hashCode());
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        delegate.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        delegate.requeue(letter, letterUpdater);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return delegate.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return delegate.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return delegate.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return delegate.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}
