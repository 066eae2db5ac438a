package io.ledgerline.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.infrastructure.audit.AuditMetadata;
import io.ledgerline.infrastructure.audit.EventHash;
import io.ledgerline.infrastructure.audit.RecordedEvent;
import io.ledgerline.testsupport.HttpJson;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An aggregate's history read through Axon's event store abstraction (as the audit API reads it in
 * Axon Server mode) is the history the table holds, and its hash chain verifies. Run here on the
 * JDBC store, against the rows as stored.
 */
class RecordedEventTest extends CommandSideTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Test
    void theEventStoresHistoryIsTheStoredHistoryAndItsChainHolds() throws IOException {
        String paymentId = http.post("/api/payments",
                "{\"orderId\":\"o-audit\",\"amount\":\"30.00\",\"currency\":\"EUR\",\"paymentMethodToken\":\"tok_ok\"}",
                "Idempotency-Key", HttpJson.newKey()).field("paymentId");
        http.post("/api/payments/" + paymentId + "/capture", "{\"amount\":\"10.00\",\"currency\":\"EUR\"}",
                "Idempotency-Key", HttpJson.newKey());
        http.post("/api/payments/" + paymentId + "/refund", "{\"amount\":\"4.00\",\"currency\":\"EUR\"}",
                "Idempotency-Key", HttpJson.newKey());
        List<StoredEvent> stored = eventsOf(paymentId);

        List<RecordedEvent> history = RecordedEvent.history(eventStore, serializer, paymentId, null);

        assertThat(stored).hasSize(3);
        assertThat(history).hasSameSizeAs(stored);
        String previous = EventHash.GENESIS;
        for (int i = 0; i < history.size(); i++) {
            RecordedEvent event = history.get(i);
            StoredEvent row = stored.get(i);
            assertThat(event.sequence()).isEqualTo(row.sequenceNumber());
            assertThat(event.aggregateType()).isEqualTo(row.type());
            assertThat(event.payloadType()).isEqualTo(row.payloadType());
            assertThat(event.payloadRevision()).isEqualTo(row.payloadRevision());
            assertThat(event.position()).isNull();
            assertThat(JSON.readTree(event.payload())).isEqualTo(JSON.readTree(row.payload()));
            JsonNode metadata = JSON.readTree(event.metadata());
            assertThat(metadata).isEqualTo(JSON.readTree(row.metaData()));
            assertThat(metadata.path(AuditMetadata.PREVIOUS_HASH).asText()).isEqualTo(previous);
            assertThat(EventHash.of(event.hashContent(), previous)).isEqualTo(metadata.path(AuditMetadata.HASH).asText());
            previous = metadata.path(AuditMetadata.HASH).asText();
        }
        assertThat(RecordedEvent.history(eventStore, serializer, paymentId, 1L)).extracting(RecordedEvent::sequence)
                .containsExactly(0L, 1L);
        assertThat(RecordedEvent.history(eventStore, serializer, "no-such-aggregate", null)).isEmpty();
    }
}
