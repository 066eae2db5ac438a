package io.ledgerline.infrastructure.eventstore;

import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Axon's Spring transaction manager, completing every scope it opened. Axon's own commits or rolls
 * back only a transaction it began. That leaves two kinds of scope open:
 * <ul>
 * <li>a savepoint (propagation {@code NESTED} inside a caller's transaction): a refused command
 * would leave the caller's transaction aborted instead of rolled back to the savepoint;</li>
 * <li>a scope without a transaction ({@code SUPPORTS} with none to join): Spring keeps the
 * connection bound to the thread until the scope completes, so every reading thread would hold
 * a connection of the pool for good.</li>
 * </ul>
 * A scope that only joins a caller's transaction is left to the caller, as in Axon.
 */
public class CompletingTransactionManager extends SpringTransactionManager {

    private final PlatformTransactionManager platform;

    /** @param propagation one of {@link TransactionDefinition}'s {@code PROPAGATION_} constants */
    public CompletingTransactionManager(PlatformTransactionManager platform, int propagation) {
        super(platform, new DefaultTransactionDefinition(propagation));
        this.platform = platform;
    }

    @Override
    protected void commitTransaction(TransactionStatus status) {
        if (opened(status)) {
            platform.commit(status); // a savepoint is released; the caller's transaction commits it all
        }
    }

    @Override
    protected void rollbackTransaction(TransactionStatus status) {
        if (opened(status)) {
            platform.rollback(status); // back to a savepoint; the caller's transaction stays usable
        }
    }

    /** Whether this manager opened {@code status}'s scope and it is still open. */
    private static boolean opened(TransactionStatus status) {
        return !status.isCompleted() && (status.isNewTransaction() || status.hasSavepoint()
                || status instanceof DefaultTransactionStatus own && own.isNewSynchronization());
    }
}
