package io.ledgerline.command.config;

import io.ledgerline.infrastructure.eventstore.CompletingTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * Runs each unit of work in its own transaction, or in a savepoint when the caller already has
 * one (an idempotent request, a saga step). Axon's own manager leaves a joined transaction alone
 * on rollback, so a refused or conflicting command would leave the caller's transaction aborted;
 * here it rolls back to its savepoint and the caller carries on.
 * <p>
 * A savepoint whose command succeeded is not released: the caller's commit ends it with everything
 * else, and a {@code RELEASE SAVEPOINT} would be one more round trip for every keyed command.
 * Releasing would spare PostgreSQL nothing either: a released subtransaction's id stays with its
 * transaction until that ends, so a saga's batch counts the same subtransactions either way.
 */
final class SavepointTransactionManager extends CompletingTransactionManager {

    SavepointTransactionManager(PlatformTransactionManager platform) {
        super(platform, TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    protected void commitTransaction(TransactionStatus status) {
        if (!status.isNewTransaction() && status.hasSavepoint()) {
            return;
        }
        super.commitTransaction(status);
    }
}
