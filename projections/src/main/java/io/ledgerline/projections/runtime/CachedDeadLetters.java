package io.ledgerline.projections.runtime;

import io.ledgerline.infrastructure.notification.Channels;
import io.ledgerline.infrastructure.notification.NotificationSender;
import io.ledgerline.infrastructure.notification.Signal;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A processor's dead-letter queue that answers "is this aggregate's sequence parked?" without a
 * query per event, and mostly without one per batch. The dead-letter invoker asks it before every
 * event; the JDBC queue would count rows each time.
 * <p>
 * What it knows is the set of parked sequence identifiers of the processing group, read in one
 * query. A batch works on its own copy (plus whatever it parks). The set is kept for the next
 * batches as long as nothing can have changed it behind this instance's back:
 * <ul>
 * <li>this instance claimed no segment since (another instance may have parked letters in it
 * before it let go of it: {@link AnnouncingTokenStore#claims()});</li>
 * <li>no dead letter was parked, retried, requeued or evicted since, here or in any instance: each
 * such change is announced on {@link Channels#DEAD_LETTERS} once committed, and one made here also
 * counts when it starts and when its transaction ends, before the segment's next batch, so a set
 * read while it was under way is read again;</li>
 * <li>this instance was listening for those announcements all along (otherwise every batch reads
 * the set afresh, as it would without the cache);</li>
 * <li>it is younger than {@link #MAX_AGE}, a bound on whatever was missed anyway.</li>
 * </ul>
 * The set only ever says "not parked" on its own: "parked" is confirmed by the queue (see
 * {@link #contains}). Outside a batch (an operator's retry) it asks the queue. Everything else goes
 * to the JDBC queue.
 */
final class CachedDeadLetters implements SequencedDeadLetterQueue<EventMessage<?>> {

    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final SequencedDeadLetterQueue<EventMessage<?>> delegate;
    private final Supplier<List<String>> readParked;
    private final String processingGroup;
    private final String resourceKey;
    private final LongSupplier claims;
    private final Signal changes;
    private final NotificationSender notifications;
    /** Changes made here, counted when each starts and again when its transaction has ended. */
    private final AtomicLong localChanges = new AtomicLong();
    private volatile Known known;

    /** The parked sequences as read, and what would tell that they may have changed since. */
    private record Known(Set<String> parked, long claims, long changes, long localChanges, long readAt) {
    }

    /**
     * @param readParked reads the parked sequence identifiers of the group ({@link #parkedQuery})
     * @param claims     this instance's count of segment claims
     * @param changes    the channel dead-letter changes are announced on
     */
    CachedDeadLetters(SequencedDeadLetterQueue<EventMessage<?>> delegate, Supplier<List<String>> readParked,
                      String processingGroup, LongSupplier claims, Signal changes, NotificationSender notifications) {
        this.delegate = delegate;
        this.readParked = readParked;
        this.processingGroup = processingGroup;
        this.resourceKey = CachedDeadLetters.class.getName() + "." + processingGroup;
        this.claims = claims;
        this.changes = changes;
        this.notifications = notifications;
    }

    /**
     * Whether the sequence is parked. "No" comes from the set; "yes" is confirmed by the queue, so that
     * a retry or eviction this instance has not heard of yet does not park an event behind nothing.
     * Only events of parked aggregates pay for that query.
     */
    @Override
    public boolean contains(Object sequenceIdentifier) {
        Set<String> parked = parkedInBatch();
        if (parked == null) {
            return delegate.contains(sequenceIdentifier);
        }
        String sequence = asString(sequenceIdentifier);
        if (!parked.contains(sequence)) {
            return false;
        }
        if (delegate.contains(sequenceIdentifier)) {
            return true;
        }
        parked.remove(sequence);
        return false;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        changing();
        try {
            delegate.enqueue(sequenceIdentifier, letter);
        } finally {
            changed();
        }
        Set<String> parked = parkedInBatch();
        if (parked != null) {
            parked.add(asString(sequenceIdentifier));
        }
    }

    /** The parked sequences as this batch knows them; null outside a processor batch. */
    private Set<String> parkedInBatch() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            return null;
        }
        return batch.getOrComputeResource(resourceKey, key -> new HashSet<>(current().parked()));
    }

    /** The parked sequences of the group, as kept if they cannot have changed, else as read now. */
    private Known current() {
        Known kept = known;
        if (kept != null && kept.claims() == claims.getAsLong() && kept.changes() == changes.count()
                && kept.localChanges() == localChanges.get() && changes.listening()
                && System.nanoTime() - kept.readAt() < MAX_AGE.toNanos()) {
            return kept;
        }
        // What would invalidate the set is noted before it is read: a change meanwhile (a batch of
        // another segment committing a parked event while this query runs, say) leaves a set that
        // no later batch trusts, even though it is stored after the change ended.
        long claimsBefore = claims.getAsLong();
        long changesBefore = changes.count();
        long localBefore = localChanges.get();
        long readAt = System.nanoTime();
        Set<String> parked = Set.copyOf(readParked.get());
        Known read = new Known(parked, claimsBefore, changesBefore, localBefore, readAt);
        known = read;
        return read;
    }

    /** The query for the parked sequence identifiers of {@code processingGroup}, in one statement. */
    static Supplier<List<String>> parkedQuery(JdbcClient jdbc, String processingGroup) {
        return () -> jdbc.sql("""
                        SELECT DISTINCT sequence_identifier FROM read.dead_letter_entry WHERE processing_group = ?""")
                .param(processingGroup)
                .query(String.class)
                .list();
    }

    /** Runs a change to the queue, between {@link #changing()} and {@link #changed()}. */
    private void changing(Runnable change) {
        changing();
        try {
            change.run();
        } finally {
            changed();
        }
    }

    /** Before a change to the queue: no set read until now is trusted any more. */
    private void changing() {
        localChanges.incrementAndGet();
    }

    /**
     * After a change to the queue: no set read until its transaction has ended is trusted (a batch
     * of another segment may have read the set before it committed), and every instance is told once
     * it has committed.
     */
    private void changed() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().onCleanup(unitOfWork -> changing());
        } else {
            changing();
        }
        notifications.announceAfterCommit(Channels.DEAD_LETTERS, processingGroup, null);
    }

    /** How the JDBC queue stores a sequence identifier. */
    private static String asString(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof String text ? text : Integer.toString(sequenceIdentifier.hashCode());
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        changing(() -> delegate.evict(letter));
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        changing(() -> delegate.requeue(letter, letterUpdater));
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
        changing();
        try {
            return delegate.process(sequenceFilter, processingTask);
        } finally {
            changed();
        }
    }

    @Override
    public void clear() {
        changing(delegate::clear);
    }
}
