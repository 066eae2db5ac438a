package io.ledgerline.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.infrastructure.eventstore.StoredTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ReadModelWaits waits;
    private final Duration wait;
    private final Duration pollInterval;
    private final Duration notifiedPollInterval;

    public Consistency(JdbcClient jdbc, ReadModelWaits waits,
                       @Value("${ledgerline.query.consistency-wait:PT2S}") Duration wait,
                       @Value("${ledgerline.query.consistency-poll-interval:PT0.02S}") Duration pollInterval,
                       @Value("${ledgerline.query.consistency-notified-poll-interval:PT0.25S}") Duration notifiedPollInterval) {
        this.jdbc = jdbc;
        this.waits = waits;
        this.wait = wait;
        this.pollInterval = pollInterval;
        this.notifiedPollInterval = notifiedPollInterval;
    }

    /**
     * Reads a row of {@code model} until its version is at least {@code minVersion} (any version if
     * null), reading it again when the projections say they wrote the rows of {@code key}.
     */
    public <T> Optional<T> awaitVersion(ReadModel model, String key, Supplier<Optional<T>> read,
                                        ToLongFunction<T> version, Long minVersion) {
        if (minVersion == null) {
            return read.get();
        }
        requireNonNegative(minVersion, "minVersion");
        long deadline = System.nanoTime() + wait.toNanos();
        try (ReadModelWaits.Waiter waiter = waits.waitFor(
                notice -> notice.concernsRow(model.processingGroup(), key))) {
            while (true) {
                waiter.arm();
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
                pause(waiter, deadline);
            }
        }
    }

    /** Waits until every segment of the processing group has handled the event at {@code minPosition}. */
    public void awaitPosition(String processingGroup, Long minPosition) {
        if (minPosition == null) {
            return;
        }
        requireNonNegative(minPosition, "minPosition");
        long deadline = System.nanoTime() + wait.toNanos();
        try (ReadModelWaits.Waiter waiter = waits.waitFor(notice -> notice.concernsTokens(processingGroup))) {
            while (true) {
                waiter.arm();
                if (covered(processingGroup, minPosition)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    Map<String, Object> progress = new LinkedHashMap<>();
                    progress.put("requiredPosition", minPosition);
                    progress.put("processedPosition", processed(processingGroup));
                    throw new NotYetConsistentException("The " + processingGroup
                            + " read model has not processed position " + minPosition + " yet; retry shortly", progress);
                }
                pause(waiter, deadline);
            }
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
     * Sleeps until the projections announce what the request waits for, or for the poll interval:
     * short while notifications are not heard, longer while they are (in case one was lost).
     */
    private void pause(ReadModelWaits.Waiter waiter, long deadline) {
        Duration interval = waits.listening() ? notifiedPollInterval : pollInterval;
        long nanos = Math.min(Math.max(1_000_000, interval.toNanos()), Math.max(1, deadline - System.nanoTime()));
        waiter.sleep(nanos);
    }
}
