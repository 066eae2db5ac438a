package io.ledgerline.command.config;

import io.ledgerline.command.audit.ChainHeads;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.LockAwareAggregate;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The event-sourcing repository of every aggregate type: Axon's caching repository, with three
 * changes.
 * <ul>
 * <li>It refuses a command carrying a stale expected version before its handler runs. Axon's own
 * repository lets the handler run and fails it at commit unless the handler resolves the conflict,
 * which would let a stale capture reach the payment provider and would answer a business-rule
 * rejection where the honest answer is "you are out of date".</li>
 * <li>A cached aggregate is used only if it is still the store's latest: one indexed lookup of the
 * aggregate's last stored event ({@link StoredHeads}) replaces reading its snapshot and events.
 * Another instance may have appended since this one cached it; then the cache entry is dropped and
 * the aggregate is loaded from the store, so no command is ever decided on an out-of-date aggregate
 * (an append racing the lookup still loses at the unique key and is retried as a conflict).</li>
 * <li>It tells the hash chain the last event it loaded or looked up ({@link ChainHeads}).</li>
 * </ul>
 * It also notes in the unit of work that the command creates its aggregate, so that a write
 * conflict at commit can be told apart: Axon Server reports an aggregate created twice as a plain
 * conflict, where the JDBC store reports it as such ({@link ProblemReportingCommandBus}).
 */
final class StrictVersionRepository<T> extends CachingEventSourcingRepository<T> {

    private static final String CREATES_AGGREGATE = StrictVersionRepository.class.getName() + ".createsAggregate";

    private final AggregateCache cache;
    private final StoredHeads heads;

    /**
     * @param cache null for none
     * @param heads where a cached aggregate is checked against the store
     */
    StrictVersionRepository(Builder<T> builder, AggregateCache cache, StoredHeads heads) {
        super(builder.cache(cache == null ? NoCache.INSTANCE : cache));
        this.cache = cache;
        this.heads = heads;
    }

    @Override
    public LockAwareAggregate<T, EventSourcedAggregate<T>> newInstance(Callable<T> factoryMethod, Consumer<Aggregate<T>> initMethod)
            throws Exception {
        notesCreation(CurrentUnitOfWork.get());
        return super.newInstance(factoryMethod, initMethod);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        if (cache != null) {
            // Peeked, so that the cache's hit and miss counts are the repository's own lookups.
            AggregateCacheEntry<T> cached = cache.peek(aggregateIdentifier);
            if (cached != null && !isLatest(aggregateIdentifier, cached)) {
                cache.remove(aggregateIdentifier);
            }
        }
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }

    /** Whether the cached aggregate is the store's latest; if so, the hash chain learns the head that says so. */
    private boolean isLatest(String aggregateIdentifier, AggregateCacheEntry<T> cached) {
        // The cache is on the heap, so the entry still holds the aggregate it was made from.
        Long version = cached.recreateAggregate(aggregateModel(), null, null, NoSnapshotTriggerDefinition.INSTANCE).version();
        Optional<StoredHeads.Head> head = heads.last(aggregateIdentifier);
        if (head.isEmpty() || !Objects.equals(version, head.get().sequence())) {
            return false;
        }
        if (head.get().hash() != null) {
            ChainHeads.known(aggregateIdentifier, head.get().sequence(), head.get().hash());
        }
        return true;
    }

    @Override
    protected DomainEventStream readEvents(String aggregateIdentifier) {
        DomainEventStream events = super.readEvents(aggregateIdentifier);
        return DomainEventStream.of(events.asStream().peek(ChainHeads::loaded), events::getLastSequenceNumber);
    }

    @Override
    protected void validateOnLoad(Aggregate<T> aggregate, Long expectedVersion) {
        // Not Axon's conflict resolution: refused here. A cached entry is dropped on rollback (doLoadWithLock).
        if (expectedVersion != null && !expectedVersion.equals(aggregate.version())) {
            throw new ConflictingAggregateVersionException(aggregate.identifierAsString(), expectedVersion,
                    aggregate.version());
        }
    }

    /** Notes that the command handled in this unit of work creates an aggregate. */
    static void notesCreation(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().put(CREATES_AGGREGATE, Boolean.TRUE);
    }

    /** Whether the command handled in this unit of work created an aggregate. */
    static boolean createdAggregate(UnitOfWork<?> unitOfWork) {
        return unitOfWork != null && Boolean.TRUE.equals(unitOfWork.root().resources().get(CREATES_AGGREGATE));
    }
}
