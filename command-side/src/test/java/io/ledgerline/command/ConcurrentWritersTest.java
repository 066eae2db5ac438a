package io.ledgerline.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.infrastructure.audit.AuditMetadata;
import io.ledgerline.infrastructure.audit.EventHash;
import io.ledgerline.infrastructure.audit.RecordedEvent;
import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.Race;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-side instances on one event store, as behind a load balancer. Their in-process
 * locks know nothing of each other, so only the store's unique (aggregate, sequence) constraint
 * keeps the stream straight.
 */
class ConcurrentWritersTest extends CommandSideTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext secondInstance;
    private static HttpJson second;

    @Autowired
    EventStore eventStore;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @BeforeAll
    static void startSecondInstance(@Value("${spring.datasource.url}") String url,
                                    @Value("${spring.datasource.username}") String user,
                                    @Value("${spring.datasource.password}") String password) {
        secondInstance = CommandSideApplication.builder().run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
        second = HttpJson.onPort(Integer.parseInt(secondInstance.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stopSecondInstance() {
        secondInstance.close();
    }

    @Test
    void ofTwoWritersSendingTheSameVersionExactlyOneWinsAndTheOtherGets409() throws Exception {
        String sku = registerProduct();
        for (int round = 0; round < 10; round++) {
            String version = "\"" + round + "\"";
            List<HttpJson.Response> responses = Race.all(List.of(
                    () -> http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}", "If-Match", version),
                    () -> second.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}", "If-Match", version)));

            assertThat(responses).extracting(HttpJson.Response::status).containsExactlyInAnyOrder(200, 409);
            HttpJson.Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.field("type")).isIn("urn:ledgerline:problem:version-conflict",
                    "urn:ledgerline:problem:concurrency-conflict");
        }
        assertStreamIsContiguous(sku, 11);
    }

    @Test
    void concurrentWritersWithoutVersionsAllLandOrGet409AndTheStreamStaysConsistent() throws Exception {
        String sku = registerProduct();
        List<Callable<HttpJson.Response>> writes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HttpJson instance = i % 2 == 0 ? http : second;
            writes.add(() -> instance.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}"));
        }

        List<HttpJson.Response> responses = Race.all(writes);

        assertThat(responses).extracting(HttpJson.Response::status).isSubsetOf(200, 409);
        long succeeded = responses.stream().filter(r -> r.status() == 200).count();
        assertThat(responses).filteredOn(r -> r.status() == 409).extracting(r -> r.field("type"))
                .allMatch("urn:ledgerline:problem:concurrency-conflict"::equals);
        List<StoredEvent> events = assertStreamIsContiguous(sku, 1 + succeeded);
        assertThat(events.get(events.size() - 1).payload()).contains("\"onHand\":" + succeeded);
    }

    /**
     * Each instance keeps the aggregates it used in its cache. Taking turns, each one's cached
     * product is one the other has since changed: a decision on it would refuse a reservation the
     * current stock allows, and would link the new event to the wrong predecessor.
     */
    @Test
    void anInstanceNeverDecidesOnAnAggregateTheOtherHasChangedSinceItCachedIt() throws Exception {
        String sku = registerProduct();
        assertThat(http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":2}").status()).isEqualTo(200);
        assertThat(http.post("/api/inventory/" + sku + "/reservations", "{\"orderId\":\"o-a1\",\"quantity\":2}").status())
                .isEqualTo(200);
        // The first instance's cached product now has nothing available; the second one stocks it.
        assertThat(second.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":3}").status()).isEqualTo(200);

        HttpJson.Response reserved = http.post("/api/inventory/" + sku + "/reservations",
                "{\"orderId\":\"o-a2\",\"quantity\":3}");
        HttpJson.Response refused = second.post("/api/inventory/" + sku + "/reservations",
                "{\"orderId\":\"o-b1\",\"quantity\":1}");

        assertThat(reserved.status()).as(reserved.toString()).isEqualTo(200);
        assertThat(reserved.field("version")).isEqualTo("4");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.field("type")).isEqualTo("urn:ledgerline:problem:insufficient-stock");
        assertThat(assertStreamIsContiguous(sku, 5)).extracting(StoredEvent::simpleType).containsExactly(
                "ProductRegistered", "StockReceived", "StockReserved", "StockReceived", "StockReserved");
        assertChainHolds(sku);
    }

    @Test
    void aCommandOnACachedAggregateCountsOneCacheHit() {
        String sku = registerProduct();
        double before = hits();

        assertThat(http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}").status()).isEqualTo(200);

        assertThat(hits() - before).isEqualTo(1);
    }

    private double hits() {
        return meters.get("cache.gets").tag("cache", "aggregates.InventoryItem").tag("result", "hit").functionCounter().count();
    }

    private void assertChainHolds(String aggregateId) throws IOException {
        String previous = EventHash.GENESIS;
        for (RecordedEvent event : RecordedEvent.history(eventStore, serializer, aggregateId, null)) {
            JsonNode metadata = JSON.readTree(event.metadata());
            assertThat(metadata.path(AuditMetadata.PREVIOUS_HASH).asText()).isEqualTo(previous);
            assertThat(EventHash.of(event.hashContent(), previous)).isEqualTo(metadata.path(AuditMetadata.HASH).asText());
            previous = metadata.path(AuditMetadata.HASH).asText();
        }
    }

    private List<StoredEvent> assertStreamIsContiguous(String sku, long expectedEvents) {
        List<StoredEvent> events = eventsOf(sku);
        assertThat(events).extracting(StoredEvent::sequenceNumber)
                .containsExactlyElementsOf(LongStream.range(0, expectedEvents).boxed().toList());
        return events;
    }
}
