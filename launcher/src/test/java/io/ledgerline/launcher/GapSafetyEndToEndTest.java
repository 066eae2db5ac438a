package io.ledgerline.launcher;

import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classic event-store gap: a global position is taken at insert but becomes visible at
 * commit. A slow append must not be skipped by the projections, and an abandoned one must not
 * hold them back.
 */
class GapSafetyEndToEndTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    @Test
    void anAppendCommittedAfterLaterOnesIsStillProjected() throws Exception {
        String slow = "SLOW-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = open()) {
            connection.setAutoCommit(false);
            long slowPosition = appendProductRegistered(connection, slow);

            String fast = "FAST-" + UUID.randomUUID().toString().substring(0, 8);
            system.commands.post("/api/inventory", "{\"sku\":\"" + fast + "\",\"name\":\"Fast\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");
            HttpJson.Response fastVisible = system.awaitQuery("/api/inventory/" + fast, r -> true);
            assertThat(fastVisible.status()).isEqualTo(200);
            assertThat(system.queries.get("/api/inventory/" + slow).status()).isEqualTo(404);
            assertThat(slowPosition).isPositive();

            connection.commit();
        }

        HttpJson.Response slowVisible = system.awaitQuery("/api/inventory/" + slow, r -> true);
        assertThat(slowVisible.json().path("name").asText()).isEqualTo("Slow");
    }

    @Test
    void aRolledBackAppendLeavesAGapTheProjectionsMoveBeyond() throws Exception {
        String abandoned = "GONE-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = open()) {
            connection.setAutoCommit(false);
            appendProductRegistered(connection, abandoned);
            connection.rollback();
        }
        String after = "AFTER-" + UUID.randomUUID().toString().substring(0, 8);
        system.commands.post("/api/inventory", "{\"sku\":\"" + after + "\",\"name\":\"After\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");

        system.awaitQuery("/api/inventory/" + after, r -> true);
        assertThat(system.queries.get("/api/inventory/" + abandoned).status()).isEqualTo(404);
    }

    private static Connection open() throws Exception {
        return DriverManager.getConnection(system.connection.url(), system.connection.username(), system.connection.password());
    }

    /** Appends an event the way the command side would, inside the caller's transaction; returns its position. */
    private static long appendProductRegistered(Connection connection, String sku) throws Exception {
        String payload = "{\"sku\":\"" + sku + "\",\"name\":\"Slow\",\"unitPrice\":{\"minorUnits\":100,\"currency\":\"EUR\"}}";
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO events.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    payload, payload_type, payload_revision, time_stamp, meta_data)
                VALUES (?, 0, 'InventoryItem', ?, convert_to(?, 'UTF8'), 'io.ledgerline.domain.inventory.ProductRegistered',
                    '1', ?, convert_to('{}', 'UTF8'))
                RETURNING global_index""")) {
            insert.setString(1, sku);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, payload);
            insert.setString(4, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
