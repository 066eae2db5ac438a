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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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

    public Consistency(JdbcClient jdbc, @Value("${ledgerline.query.consistency-wait:PT2S}") Duration wait,
                       @Value("${ledgerline.query.consistency-poll-interval:PT0.02S}") Duration pollInterval) {
        this.jdbc = jdbc;
        this.wait = wait;
        this.pollInterval = pollInterval;
    }

    /** Reads a row until its version is at least {@code minVersion} (any version if null). */
    public <T> Optional<T> awaitVersion(Supplier<Optional<T>> read, ToLongFunction<T> version, Long minVersion) {
        if (minVersion == null) {
            return read.get();
        }
        requireNonNegative(minVersion, "minVersion");
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
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
            pause();
        }
    }

    /** Waits until every segment of the processing group has handled the event at {@code minPosition}. */
    public void awaitPosition(String processingGroup, Long minPosition) {
        if (minPosition == null) {
            return;
        }
        requireNonNegative(minPosition, "minPosition");
        long deadline = System.nanoTime() + wait.toNanos();
        while (!covered(processingGroup, minPosition)) {
            if (System.nanoTime() > deadline) {
                Map<String, Object> progress = new LinkedHashMap<>();
                progress.put("requiredPosition", minPosition);
                progress.put("processedPosition", processed(processingGroup));
                throw new NotYetConsistentException("The " + processingGroup
                        + " read model has not processed position " + minPosition + " yet; retry shortly", progress);
            }
            pause();
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

    private void pause() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.max(1, pollInterval.toMillis())));
    }
}
