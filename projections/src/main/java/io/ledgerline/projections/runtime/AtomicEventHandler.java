package io.ledgerline.projections.runtime;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
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

    private final EventMessageHandler delegate;
    private final PlatformTransactionManager transactions;

    AtomicEventHandler(EventMessageHandler delegate, PlatformTransactionManager transactions) {
        this.delegate = delegate;
        this.transactions = transactions;
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        if (!delegate.canHandle(event)) {
            return null;
        }
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
