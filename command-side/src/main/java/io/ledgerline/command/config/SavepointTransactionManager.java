package io.ledgerline.command.config;

import io.ledgerline.infrastructure.eventstore.CompletingTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Runs each unit of work in its own transaction, or in a savepoint when the caller already has
 * one (an idempotent request, a saga step). Axon's own manager leaves a joined transaction alone
 * on rollback, so a refused or conflicting command would leave the caller's transaction aborted;
 * here it rolls back to its savepoint and the caller carries on.
 */
final class SavepointTransactionManager extends CompletingTransactionManager {

    SavepointTransactionManager(PlatformTransactionManager platform) {
        super(platform, TransactionDefinition.PROPAGATION_NESTED);
    }
}
