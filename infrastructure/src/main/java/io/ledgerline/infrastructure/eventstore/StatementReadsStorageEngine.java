package io.ledgerline.infrastructure.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import java.util.List;

/**
 * Axon's JDBC storage engine, with its reads outside a transaction of their own.
 * <p>
 * Axon runs every read of the engine in a transaction: a streaming processor's fetch of the next
 * events (and the gap check that follows an empty one) costs a {@code BEGIN} and a {@code COMMIT}
 * around its queries, about 1.5 transactions per REST command under load, each a round trip
 * (docs/performance.md). A read needs no transaction: every statement of a read-committed
 * transaction sees its own snapshot anyway, so autocommitted queries see exactly what the same
 * queries in a transaction would. Here a read joins the caller's transaction when there is one (an
 * aggregate loaded by a command, a hash looked up inside it) and otherwise runs its statements on
 * one connection in autocommit.
 * <p>
 * Writes (appending events, storing a snapshot) always run in a transaction: the caller's, or one
 * of their own, so that a batch of events or a snapshot with the deletion of the older ones is
 * stored whole or not at all.
 */
final class StatementReadsStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager writes;

    private StatementReadsStorageEngine(Builder builder, TransactionManager writes) {
        super(builder);
        this.writes = writes;
    }

    /** The engine {@code builder} describes, whatever transaction manager it was given, over {@code transactions}. */
    static StatementReadsStorageEngine over(Builder builder, PlatformTransactionManager transactions) {
        // Joins the caller's transaction, or else runs without one (and then completes that empty scope).
        builder.transactionManager(new CompletingTransactionManager(transactions, TransactionDefinition.PROPAGATION_SUPPORTS));
        return new StatementReadsStorageEngine(builder, new SpringTransactionManager(transactions));
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        writes.executeInTransaction(() -> super.appendEvents(events, serializer));
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        writes.executeInTransaction(() -> super.storeSnapshot(snapshot, serializer));
    }
}
