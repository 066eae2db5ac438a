package io.ledgerline.command.config;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * An event-sourcing repository that refuses a command carrying a stale expected version before
 * its handler runs. Axon's own repository lets the handler run and fails it at commit unless the
 * handler resolves the conflict, which would let a stale capture reach the payment provider and
 * would answer a business-rule rejection where the honest answer is "you are out of date".
 */
final class StrictVersionRepository<T> extends EventSourcingRepository<T> {

    StrictVersionRepository(Builder<T> builder) {
        super(builder);
    }

    @Override
    protected void validateOnLoad(Aggregate<T> aggregate, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(aggregate.version())) {
            throw new ConflictingAggregateVersionException(aggregate.identifierAsString(), expectedVersion,
                    aggregate.version());
        }
    }
}
