package io.ledgerline.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.domain.inventory.InventoryItem;
import io.ledgerline.infrastructure.audit.AggregateReplay;
import io.ledgerline.infrastructure.serialization.MessageSerialization;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots: an aggregate with more events than the threshold gets one, it holds exactly the state
 * that replaying every event gives, and commands decided on it are right.
 */
@TestPropertySource(properties = "ledgerline.snapshots.every=5")
class SnapshotTest extends CommandSideTest {

    private static final ObjectMapper STATE = MessageSerialization.aggregateStateMapper();

    @Autowired
    EventStore events;

    @Test
    void aLongStreamGetsASnapshotThatEqualsTheStateFromEveryEvent() throws Exception {
        String sku = registerProduct();
        for (int i = 0; i < 12; i++) {
            assertThat(http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}").status()).isEqualTo(200);
        }
        assertThat(http.post("/api/inventory/" + sku + "/reservations", "{\"orderId\":\"o-snap\",\"quantity\":3}").status())
                .isEqualTo(200);

        Long snapshotAt = jdbc.sql("SELECT max(sequence_number) FROM events.snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(sku).query(Long.class).single();
        assertThat(snapshotAt).as("a snapshot was taken").isNotNull().isGreaterThanOrEqualTo(5);
        String snapshot = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM events.snapshot_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number = ?")
                .params(sku, snapshotAt).query(String.class).single();
        assertThat(STATE.readTree(snapshot)).isEqualTo(stateFromEveryEventUpTo(sku, snapshotAt));

        // Decided on the snapshot plus the later events: 12 on hand, 3 reserved, so 9 more fit and a 10th does not.
        assertThat(http.post("/api/inventory/" + sku + "/reservations", "{\"orderId\":\"o-fit\",\"quantity\":9}").status())
                .isEqualTo(200);
        assertThat(http.post("/api/inventory/" + sku + "/reservations", "{\"orderId\":\"o-over\",\"quantity\":1}").field("type"))
                .isEqualTo("urn:ledgerline:problem:insufficient-stock");
    }

    private JsonNode stateFromEveryEventUpTo(String sku, long sequence) {
        return STATE.valueToTree(AggregateReplay.replay(InventoryItem.class,
                events.readEvents(sku, 0).asStream().filter(event -> event.getSequenceNumber() <= sequence).toList()));
    }
}
