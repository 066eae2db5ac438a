package io.ledgerline.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.infrastructure.eventstore.StoredTokens;
import io.ledgerline.infrastructure.notification.Channels;
import io.ledgerline.infrastructure.notification.DatabaseNotifications;
import io.ledgerline.infrastructure.notification.Signal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes for clients: a command answers with the aggregate version and the global
 * position of its event; a query that names either waits, up to {@code ledgerline.query.consistency-wait},
 * until the read model reflects it, and otherwise answers 503 "not yet consistent" with the progress made.
 */
@Component
public class Consistency {

    private final JdbcClient jdbc;
    private final Duration wait;
    private final Duration pollInterval;
    private final Duration notifiedPollInterval;
    private final Signal readModelsMoved;

    public Consistency(JdbcClient jdbc, DatabaseNotifications notifications,
                       @Value("${ledgerline.query.consistency-wait:PT2S}") Duration wait,
                       @Value("${ledgerline.query.consistency-poll-interval:PT0.02S}") Duration pollInterval,
                       @Value("${ledgerline.query.consistency-notified-poll-interval:PT0.25S}") Duration notifiedPollInterval) {
        this.jdbc = jdbc;
        this.wait = wait;
        this.pollInterval = pollInterval;
        this.notifiedPollInterval = notifiedPollInterval;
        this.readModelsMoved = notifications.signal(Channels.READ_MODELS);
    }

    /** Reads a row until its version is at least {@code minVersion} (any version if null). */
    public <T> Optional<T> awaitVersion(Supplier<Optional<T>> read, ToLongFunction<T> version, Long minVersion) {
        if (minVersion == null) {
            return read.get();
        }
        requireNonNegative(minVersion, "minVersion");
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long seen = readModelsMoved.count();
            Optional<T> row = read.get();
            if (row.isPresent() && version.applyAsLong(row.get()) >= minVersion) {
                return row;
            }
            if (System.nanoTime() > deadline) {
                Map<String, Object> progress = new LinkedHashMap<>();
                progress.put("requiredVersion", minVersion);
                row.ifPresent(r -> progress.put("currentVersion", version.applyAsLong(r)));
                throw new NotYetConsistentException("The read model does not show version " + minVersion
                        + " yet; retry shortly", progress);
            }
            pause(seen, deadline);
        }
    }

    /** Waits until every segment of the processing group has handled the event at {@code minPosition}. */
    public void awaitPosition(String processingGroup, Long minPosition) {
        if (minPosition == null) {
            return;
        }
        requireNonNegative(minPosition, "minPosition");
        long deadline = System.nanoTime() + wait.toNanos();
        long seen = readModelsMoved.count();
        while (!covered(processingGroup, minPosition)) {
            if (System.nanoTime() > deadline) {
                Map<String, Object> progress = new LinkedHashMap<>();
                progress.put("requiredPosition", minPosition);
                progress.put("processedPosition", processed(processingGroup));
                throw new NotYetConsistentException("The " + processingGroup
                        + " read model has not processed position " + minPosition + " yet; retry shortly", progress);
            }
            pause(seen, deadline);
            seen = readModelsMoved.count();
        }
    }

    private boolean covered(String processingGroup, long position) {
        List<JsonNode> tokens = tokens(processingGroup);
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> StoredTokens.covers(token, position));
    }

    /** The lowest position every segment has reached (-1 before any progress). */
    private long processed(String processingGroup) {
        return tokens(processingGroup).stream().mapToLong(StoredTokens::reached).min().orElse(-1);
    }

    private List<JsonNode> tokens(String processingGroup) {
        // The live generation's processor is named after the model and generation, e.g. orders-g2.
        return jdbc.sql("""
                        SELECT t.token FROM read.token_entry t
                        JOIN read.projection_generation g ON t.processor_name = g.model || '-g' || g.active
                        WHERE g.model = ?""")
                .param(processingGroup)
                .query((rs, row) -> StoredTokens.parse(rs.getBytes("token")))
                .list();
    }

    private static void requireNonNegative(long value, String parameter) {
        if (value < 0) {
            throw new InvalidValueException(parameter, parameter + " must not be negative");
        }
    }

    /**
     * Waits for the projections to announce a committed batch ({@link Channels#READ_MODELS}) after
     * {@code seen}, or for the poll interval: short while notifications are not heard, longer while
     * they are (a token that moved without a batch, e.g. past events the model ignores, is not announced).
     */
    private void pause(long seen, long deadline) {
        Duration interval = readModelsMoved.listening() ? notifiedPollInterval : pollInterval;
        long nanos = Math.min(Math.max(1_000_000, interval.toNanos()), Math.max(1, deadline - System.nanoTime()));
        try {
            readModelsMoved.awaitChange(seen, nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotYetConsistentException("The wait for the read model was interrupted; retry shortly", Map.of());
        }
    }
}
