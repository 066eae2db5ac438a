package io.ledgerline.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.query.QuerySideApplication;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit API read through Axon's event store ({@code ledgerline.audit.source=event-store}, how
 * Axon Server mode reads it) answers what the event table answers. A second query side with that
 * source runs beside the system's own, on the same store; both are asked the same questions.
 */
class AuditSourcesEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningSystem system;
    private static ConfigurableApplicationContext eventStoreSide;
    private static HttpJson viaEventStore;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        eventStoreSide = QuerySideApplication.builder().run(
                "--spring.datasource.url=" + system.connection.url(),
                "--spring.datasource.username=" + system.connection.username(),
                "--spring.datasource.password=" + system.connection.password(),
                "--ledgerline.audit.source=event-store",
                "--server.port=0",
                "--logging.include-application-name=false");
        viaEventStore = HttpJson.onPort(Integer.parseInt(eventStoreSide.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        if (eventStoreSide != null) {
            eventStoreSide.close();
        }
    }

    @Test
    void anAggregatesHistoryStateAndChainAreTheSameWithoutPositions() {
        String sku = "SRC-" + UUID.randomUUID().toString().substring(0, 8);
        ok(system.commands.post("/api/inventory", "{\"sku\":\"" + sku + "\",\"name\":\"Lamp\",\"unitPrice\":\"9.00\",\"currency\":\"EUR\"}"));
        ok(system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":7}"));
        ok(system.commands.post("/api/inventory/" + sku + "/reservations", "{\"orderId\":\"o-src\",\"quantity\":2}"));

        JsonNode table = ok(system.queries.get("/api/audit/streams/" + sku));
        JsonNode store = ok(viaEventStore.get("/api/audit/streams/" + sku));

        assertThat(store.path("events")).hasSize(3);
        table.path("events").forEach(event -> assertThat(event.path("position").asLong()).isPositive());
        store.path("events").forEach(event -> assertThat(event.path("position").isNull() || event.path("position").isMissingNode()).isTrue());
        assertThat(withoutPositions(store)).isEqualTo(withoutPositions(table));
        assertThat(ok(viaEventStore.get("/api/audit/streams/" + sku + "/state?version=1")))
                .isEqualTo(ok(system.queries.get("/api/audit/streams/" + sku + "/state?version=1")));
        assertThat(ok(viaEventStore.get("/api/audit/streams/" + sku + "/verify")))
                .isEqualTo(ok(system.queries.get("/api/audit/streams/" + sku + "/verify")));
        assertThat(viaEventStore.get("/api/audit/streams/no-such-" + sku).status()).isEqualTo(404);
    }

    @Test
    void theGlobalStreamsViewsAreTheSameWithPositions() {
        String sku = "SRC-" + UUID.randomUUID().toString().substring(0, 8);
        ok(system.commands.post("/api/inventory", "{\"sku\":\"" + sku + "\",\"name\":\"Desk\",\"unitPrice\":\"4.00\",\"currency\":\"EUR\"}"));
        ok(system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":5}"));
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpJson.Response placed = system.commands.post("/api/orders", """
                {"customerId":"source-auditor","currency":"EUR","lines":[{"sku":"%s","quantity":1,"unitPrice":"4.00"}],
                 "payment":{"paymentMethodToken":"tok_visa"}}""".formatted(sku),
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "Idempotency-Key", HttpJson.newKey());
        system.awaitQuery("/api/orders/" + placed.field("orderId"), r -> r.field("status").equals("CONFIRMED"));

        JsonNode correlation = ok(system.queries.get("/api/audit/correlations/" + traceId));
        assertThat(correlation.path("events").size()).isGreaterThanOrEqualTo(4);
        assertThat(ok(viaEventStore.get("/api/audit/correlations/" + traceId))).isEqualTo(correlation);

        long first = correlation.path("events").get(0).path("position").asLong();
        long last = correlation.path("events").get(correlation.path("events").size() - 1).path("position").asLong();
        String page = "/api/audit/events?after=" + (first - 1) + "&limit=2&aggregateType=Order";
        JsonNode firstPage = ok(system.queries.get(page));
        assertThat(firstPage.path("items")).isNotEmpty();
        assertThat(ok(viaEventStore.get(page))).isEqualTo(firstPage);
        String typed = "/api/audit/events?after=" + (first - 10) + "&type=StockReceived";
        assertThat(ok(viaEventStore.get(typed))).isEqualTo(ok(system.queries.get(typed)));

        String export = "/api/audit/export?fromPosition=" + first + "&toPosition=" + last;
        HttpJson.Response exported = system.queries.get(export);
        assertThat(exported.status()).isEqualTo(200);
        assertThat(viaEventStore.get(export).body()).isEqualTo(exported.body());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(summary(viaEventStore.get("/api/audit/verify")))
                .isEqualTo(summary(system.queries.get("/api/audit/verify"))));
    }

    private static JsonNode summary(HttpJson.Response verification) {
        String[] lines = verification.body().split("\n");
        return json(lines[lines.length - 1]);
    }

    private static JsonNode withoutPositions(JsonNode history) {
        JsonNode copy = history.deepCopy();
        copy.path("events").forEach(event -> ((ObjectNode) event).remove("position"));
        return copy;
    }

    private static JsonNode ok(HttpJson.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return json(response.body());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
