package io.ledgerline.command.idempotency;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code events.idempotency_keys}. A key is claimed by inserting its row inside the request's
 * transaction; a second request with the same key waits on that row until the first commits (and
 * then finds its response) or rolls back (and then claims the key itself).
 */
@Repository
class IdempotencyStore {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request, or returns what an earlier request under it stored. Waits at
     * most {@code wait} for another request holding the key: the statement first sets this
     * transaction's {@code lock_timeout}, in the same round trip.
     */
    Optional<StoredResponse> claim(String principal, String key, String requestHash, Duration wait) {
        // lock_timeout 0 would mean "wait forever": never go below a millisecond.
        String lockTimeout = Math.max(1, wait.toMillis()) + "ms";
        int claimed;
        try {
            claimed = jdbc.sql("""
                            INSERT INTO events.idempotency_keys (principal, idempotency_key, request_hash)
                            SELECT ?, ?, ? FROM (SELECT set_config('lock_timeout', ?, true)) AS bounded
                            ON CONFLICT (principal, idempotency_key) DO NOTHING""")
                    .params(principal, key, requestHash, lockTimeout)
                    .update();
        } catch (UncategorizedSQLException e) {
            // Spring leaves PostgreSQL's lock_not_available (55P03) uncategorized: it means another request holds the key.
            if (e.getSQLException() != null && LOCK_NOT_AVAILABLE.equals(e.getSQLException().getSQLState())) {
                throw new CannotAcquireLockException("Another request holds this idempotency key", e);
            }
            throw e;
        }
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT request_hash, response_status AS status, response_type AS content_type,
                               response_etag AS etag, response_location AS location, response_body AS body
                        FROM events.idempotency_keys WHERE principal = ? AND idempotency_key = ?""")
                .params(principal, key)
                .query(StoredResponse.class)
                .optional();
    }

    void complete(String principal, String key, StoredResponse response) {
        jdbc.sql("""
                        UPDATE events.idempotency_keys
                        SET response_status = ?, response_type = ?, response_etag = ?, response_location = ?,
                            response_body = ?
                        WHERE principal = ? AND idempotency_key = ?""")
                .params(response.status(), response.contentType(), response.etag(), response.location(),
                        response.body(), principal, key)
                .update();
    }

    int purgeOlderThan(Duration retention) {
        return jdbc.sql("DELETE FROM events.idempotency_keys WHERE created_at < now() - make_interval(secs => ?)")
                .param((double) retention.toSeconds())
                .update();
    }
}
