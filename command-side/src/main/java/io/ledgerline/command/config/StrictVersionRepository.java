package io.ledgerline.command.config;

import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.modelling.command.LockAwareAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * An event-sourcing repository that refuses a command carrying a stale expected version before
 * its handler runs. Axon's own repository lets the handler run and fails it at commit unless the
 * handler resolves the conflict, which would let a stale capture reach the payment provider and
 * would answer a business-rule rejection where the honest answer is "you are out of date".
 * <p>
 * It also notes in the unit of work that the command creates its aggregate, so that a write
 * conflict at commit can be told apart: Axon Server reports an aggregate created twice as a plain
 * conflict, where the JDBC store reports it as such ({@link ProblemReportingCommandBus}).
 */
final class StrictVersionRepository<T> extends EventSourcingRepository<T> {

    private static final String CREATES_AGGREGATE = StrictVersionRepository.class.getName() + ".createsAggregate";

    StrictVersionRepository(Builder<T> builder) {
        super(builder);
    }

    @Override
    public LockAwareAggregate<T, EventSourcedAggregate<T>> newInstance(Callable<T> factoryMethod, Consumer<Aggregate<T>> initMethod)
            throws Exception {
        notesCreation(CurrentUnitOfWork.get());
        return super.newInstance(factoryMethod, initMethod);
    }

    @Override
    protected void validateOnLoad(Aggregate<T> aggregate, Long expectedVersion) {
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
