package io.ledgerline.command.idempotency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.commandhandling.CommandMessage;

import java.time.Duration;

/**
 * The commands being retried after a write conflict. A retry runs in a transaction of its own, apart
 * from the request's, so in the JDBC mode it is the one case where a command's events and its
 * idempotency key can commit apart; {@link IdempotentReplay} looks at the events for these
 * commands only (and for every keyed command where keys never commit with events, Axon Server mode).
 */
public class RetriedCommands {

    private final Cache<String, Boolean> retried = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    /** Notes that {@code command} is about to be dispatched again. */
    public void mark(CommandMessage<?> command) {
        retried.put(command.getIdentifier(), Boolean.TRUE);
    }

    public boolean isRetry(CommandMessage<?> command) {
        return retried.getIfPresent(command.getIdentifier()) != null;
    }
}
