package io.ledgerline.command.config;

import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs each unit of work in its own transaction, or in a savepoint when the caller already has
 * one (an idempotent request, a saga step). Axon's own manager leaves a joined transaction alone
 * on rollback, so a refused or conflicting command would leave the caller's transaction aborted;
 * here it rolls back to its savepoint and the caller carries on.
 */
final class SavepointTransactionManager extends SpringTransactionManager {

    private final PlatformTransactionManager platform;

    SavepointTransactionManager(PlatformTransactionManager platform) {
        super(platform, new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        this.platform = platform;
    }

    @Override
    protected void commitTransaction(TransactionStatus status) {
        if (status.hasSavepoint() && !status.isCompleted()) {
            platform.commit(status); // releases the savepoint; the caller's transaction commits it all
        } else {
            super.commitTransaction(status);
        }
    }

    @Override
    protected void rollbackTransaction(TransactionStatus status) {
        if (status.hasSavepoint() && !status.isCompleted()) {
            platform.rollback(status); // back to the savepoint; the caller's transaction stays usable
        } else {
            super.rollbackTransaction(status);
        }
    }
}
