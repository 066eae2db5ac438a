package io.ledgerline.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import io.ledgerline.command.web.CommandProblem;
import org.axonframework.modelling.command.ConcurrencyException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Retries a command only when another writer appended to the same aggregate first (a
 * {@link ConcurrencyException}, reported as the {@code concurrency-conflict} problem): the retry reloads the aggregate and decides again. Every other
 * failure, a business-rule rejection above all, is final and goes straight back to the client.
 */
class ConflictRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetryScheduler.class);

    private final RetryScheduler delegate;

    ConflictRetryScheduler(RetryScheduler delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!isConflict(lastFailure)) {
            return false;
        }
        boolean retrying = delegate.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
        if (!retrying) {
            log.warn("{} lost the write race {} times; answering with a conflict", commandMessage.getPayloadType()
                    .getSimpleName(), failures.size());
        }
        return retrying;
    }

    /** Read from the problem the handling side reported, so that it holds across Axon Server too. */
    static boolean isConflict(Throwable failure) {
        return CommandProblem.isWriteConflict(failure);
    }
}
