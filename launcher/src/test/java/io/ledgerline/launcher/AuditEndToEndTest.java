package io.ledgerline.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an auditor can establish over HTTP alone: who caused what, state at a time, and whether anything changed. */
class AuditEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    @Test
    void everyEventCarriesTheRequestPrincipalKeyCauseAndHashChain() {
        String sku = product("AUD", 5);
        String requestId = "req-" + UUID.randomUUID();
        HttpJson.Response received = system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":3}",
                "X-Request-Id", requestId, "Idempotency-Key", "key-" + requestId);
        assertThat(received.status()).isEqualTo(200);

        JsonNode events = ok(system.queries.get("/api/audit/streams/" + sku)).path("events");

        assertThat(events).hasSize(3);
        JsonNode receipt = events.get(2);
        assertThat(receipt.path("type").asText()).isEqualTo("StockReceived");
        assertThat(receipt.path("sequence").asLong()).isEqualTo(2);
        assertThat(receipt.path("revision").asText()).isEqualTo("1");
        assertThat(receipt.path("payload").path("quantity").asInt()).isEqualTo(3);
        JsonNode metadata = receipt.path("metadata");
        assertThat(metadata.path("correlationId").asText()).isEqualTo(requestId);
        assertThat(metadata.path("principal").asText()).isEqualTo("test-operator");
        assertThat(metadata.path("idempotencyKey").asText()).isEqualTo("key-" + requestId);
        assertThat(metadata.path("causationId").asText()).isNotBlank().isNotEqualTo(receipt.path("eventId").asText());
        assertThat(metadata.path("previousHash").asText()).isEqualTo(events.get(1).path("metadata").path("hash").asText());
        assertThat(events.get(0).path("metadata").path("previousHash").asText()).isEqualTo("0".repeat(64));
    }

    @Test
    void aTraceparentBecomesTheCorrelationIdAndOneRequestIsTracedAcrossAggregates() {
        String sku = product("AUD", 5);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpJson.Response placed = system.commands.post("/api/orders", """
                {"customerId":"auditor","currency":"EUR","lines":[{"sku":"%s","quantity":1,"unitPrice":"4.00"}],
                 "payment":{"paymentMethodToken":"tok_visa"}}""".formatted(sku),
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "Idempotency-Key", HttpJson.newKey());
        String orderId = placed.field("orderId");
        system.awaitQuery("/api/orders/" + orderId, r -> r.field("status").equals("CONFIRMED"));

        JsonNode events = ok(system.queries.get("/api/audit/correlations/" + traceId)).path("events");

        List<String> types = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        events.forEach(e -> {
            types.add(e.path("type").asText());
            positions.add(e.path("position").asLong());
        });
        assertThat(types).containsSubsequence("OrderPlaced", "StockReserved", "PaymentAuthorized", "OrderConfirmed");
        assertThat(positions).isSorted();
        assertThat(events).extracting(e -> e.path("aggregateType").asText()).contains("Order", "InventoryItem", "Payment");
        assertThat(events.get(0).path("metadata").path("correlationId").asText()).isEqualTo(traceId);
    }

    @Test
    void theStateOfAnAggregateCanBeRebuiltAtAnyVersionOrTime() {
        String sku = product("AUD", 2);
        String receivedAt = ok(system.queries.get("/api/audit/streams/" + sku)).path("events").get(1)
                .path("timestamp").asText();
        assertThat(system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":5}").status()).isEqualTo(200);
        assertThat(system.commands.post("/api/inventory/" + sku + "/reservations", "{\"orderId\":\"o-tt\",\"quantity\":4}")
                .status()).isEqualTo(200);
        String laterEventAt = ok(system.queries.get("/api/audit/streams/" + sku)).path("events").get(2)
                .path("timestamp").asText();
        assertThat(Instant.parse(laterEventAt)).as("the later receipt is stamped after the first").isAfter(Instant.parse(receivedAt));

        JsonNode atVersion1 = ok(system.queries.get("/api/audit/streams/" + sku + "/state?version=1"));
        JsonNode now = ok(system.queries.get("/api/audit/streams/" + sku + "/state"));
        JsonNode atTime = ok(system.queries.get("/api/audit/streams/" + sku + "/state?at=" + receivedAt));

        assertThat(atVersion1.path("version").asLong()).isEqualTo(1);
        assertThat(atVersion1.path("state").path("onHand").asInt()).isEqualTo(2);
        assertThat(atVersion1.path("state").path("reservations").size()).isZero();
        assertThat(now.path("version").asLong()).isEqualTo(3);
        assertThat(now.path("state").path("onHand").asInt()).isEqualTo(7);
        assertThat(now.path("state").path("reservations").path("o-tt").asInt()).isEqualTo(4);
        assertThat(atTime.path("version").asLong()).isEqualTo(1);
        assertThat(atTime.path("asOf").asText()).isEqualTo(receivedAt);
        assertThat(atTime.path("state").path("onHand").asInt()).isEqualTo(2);
        assertThat(atTime.path("state").path("reservations").size()).isZero();
        assertThat(system.queries.get("/api/audit/streams/" + sku + "/state?at=2000-01-01").status()).isEqualTo(404);
    }

    @Test
    void theGlobalStreamPagesByPositionAndFilters() {
        String first = product("AUD", 1);
        String second = product("AUD", 1);
        String third = product("AUD", 1);
        long before = ok(system.queries.get("/api/audit/streams/" + first)).path("events").get(0).path("position").asLong() - 1;

        JsonNode page = ok(system.queries.get("/api/audit/events?type=ProductRegistered&limit=2&after=" + before));
        long next = page.path("next").asLong();
        JsonNode following = ok(system.queries.get("/api/audit/events?type=ProductRegistered&limit=2&after=" + next));

        assertThat(page.path("items")).extracting(e -> e.path("aggregateId").asText()).containsExactly(first, second);
        assertThat(page.path("items")).allMatch(e -> e.path("type").asText().equals("ProductRegistered"));
        assertThat(next).isEqualTo(page.path("items").get(1).path("position").asLong());
        assertThat(following.path("items")).extracting(e -> e.path("aggregateId").asText()).containsExactly(third);
        assertThat(following.has("next")).isFalse();
        JsonNode byAggregate = ok(system.queries.get("/api/audit/events?aggregateType=InventoryItem&limit=200&after=" + before));
        assertThat(byAggregate.path("items")).extracting(e -> e.path("aggregateId").asText())
                .containsExactly(first, first, second, second, third, third);
        assertThat(system.queries.get("/api/audit/events?limit=0").status()).isEqualTo(400);
    }

    @Test
    void anExportIsNdjsonEndingInASummaryWhoseDigestCoversEveryLine() throws Exception {
        String sku = product("AUD", 1);
        long position = ok(system.queries.get("/api/audit/streams/" + sku)).path("events").get(0).path("position").asLong();

        HttpJson.Response export = system.queries.get("/api/audit/export?fromPosition=1&toPosition=" + position);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        String[] lines = export.body().split("\n");
        JsonNode summary = JSON.readTree(lines[lines.length - 1]).path("summary");
        assertThat(summary.path("count").asLong()).isEqualTo(lines.length - 1);
        assertThat(summary.path("lastPosition").asLong()).isEqualTo(position);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < lines.length - 1; i++) {
            digest.update((lines[i] + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(summary.path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
    }

    /** A product with three events (registered, received 5, received 1) whose chain verifies as it is. */
    private String verifiedProduct(String prefix) {
        String sku = product(prefix, 5);
        system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}");
        assertThat(ok(system.queries.get("/api/audit/streams/" + sku + "/verify")).path("valid").asBoolean()).isTrue();
        return sku;
    }

    @Test
    void anEventEditedInTheDatabaseIsReportedExactlyWhereItWasChanged() {
        String sku = verifiedProduct("TAMPER");

        rewriteHistory("""
                UPDATE events.domain_event_entry
                SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '"quantity":5', '"quantity":500'), 'UTF8')
                WHERE aggregate_identifier = ? AND sequence_number = 1""", sku);

        assertFirstFailure(sku, 1, "content-changed");
    }

    @Test
    void anEventDeletedFromTheDatabaseIsReportedAsMissingWhereTheSequenceBreaks() {
        String sku = verifiedProduct("GAP");

        rewriteHistory("DELETE FROM events.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", sku);

        assertFirstFailure(sku, 2, "missing-event");
    }

    @Test
    void anEventRelinkedToAnotherPredecessorIsReportedAsABrokenChain() {
        String sku = verifiedProduct("LINK");

        // Sequence numbers and content stay as they were; only the link to the event before is forged.
        rewriteHistory("""
                UPDATE events.domain_event_entry
                SET meta_data = convert_to(jsonb_set(convert_from(meta_data, 'UTF8')::jsonb, '{previousHash}',
                                                     to_jsonb(repeat('f', 64)))::text, 'UTF8')
                WHERE aggregate_identifier = ? AND sequence_number = 2""", sku);

        assertFirstFailure(sku, 2, "chain-broken");
    }

    @Test
    void theEventStoreRefusesUpdatesDeletesAndTruncation() {
        String sku = product("AUD", 1);

        assertThatThrownBy(() -> system.database.sql("UPDATE events.domain_event_entry SET type = 'X' WHERE aggregate_identifier = ?")
                .param(sku).update()).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> system.database.sql("DELETE FROM events.domain_event_entry WHERE aggregate_identifier = ?")
                .param(sku).update()).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> system.database.sql("TRUNCATE events.domain_event_entry").update())
                .hasStackTraceContaining("append-only");
        assertThat(system.events(sku, "ProductRegistered")).isEqualTo(1);
    }

    @Test
    void anApplicationRoleWithoutOwnershipCannotChangeEventsEvenWithTheGuardOff() {
        String sku = product("AUD", 1);
        String role = "ledgerline_app_" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        system.database.sql("CREATE ROLE " + role).update();
        system.database.sql("GRANT USAGE ON SCHEMA events TO " + role).update();
        system.database.sql("GRANT SELECT, INSERT ON events.domain_event_entry TO " + role).update();

        assertThatThrownBy(() -> system.database.sql("SET ROLE " + role + "; ALTER TABLE events.domain_event_entry "
                + "DISABLE TRIGGER domain_event_entry_append_only").update()).hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> system.database.sql("SET ROLE " + role + "; UPDATE events.domain_event_entry SET type = 'X' "
                + "WHERE aggregate_identifier = '" + sku + "'").update()).hasStackTraceContaining("permission denied");
        assertThat(system.events(sku, "ProductRegistered")).isEqualTo(1);
    }

    /** As the table's owner: switches the append-only guard off, changes history, and switches it on again. */
    private static void rewriteHistory(String sql, String aggregateId) {
        system.database.sql("ALTER TABLE events.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only").update();
        try {
            assertThat(system.database.sql(sql).param(aggregateId).update()).isEqualTo(1);
        } finally {
            system.database.sql("ALTER TABLE events.domain_event_entry ENABLE TRIGGER domain_event_entry_append_only").update();
        }
    }

    /** Both verifications, of the one stream and of the whole store, name the same first failure. */
    private static void assertFirstFailure(String aggregateId, long sequence, String problem) {
        JsonNode report = ok(system.queries.get("/api/audit/streams/" + aggregateId + "/verify"));
        assertThat(report.path("valid").asBoolean()).isFalse();
        assertThat(report.path("firstFailure").path("sequence").asLong()).isEqualTo(sequence);
        assertThat(report.path("firstFailure").path("problem").asText()).startsWith(problem);
        HttpJson.Response whole = system.queries.get("/api/audit/verify");
        assertThat(whole.status()).isEqualTo(200);
        List<JsonNode> failures = whole.body().lines().map(AuditEndToEndTest::parse)
                .filter(line -> line.path("failure").path("aggregateId").asText().equals(aggregateId))
                .map(line -> line.path("failure")).toList();
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.path("sequence").asLong()).isEqualTo(sequence);
            assertThat(failure.path("problem").asText()).startsWith(problem);
        });
        assertThat(parse(whole.body().lines().reduce((a, b) -> b).orElseThrow()).path("summary").path("valid").asBoolean())
                .isFalse();
    }

    private static JsonNode ok(HttpJson.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String product(String prefix, int onHand) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(system.commands.post("/api/inventory",
                "{\"sku\":\"" + sku + "\",\"name\":\"Ledger\",\"unitPrice\":\"4.00\",\"currency\":\"EUR\"}").status())
                .isEqualTo(201);
        assertThat(system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":" + onHand + "}").status())
                .isEqualTo(200);
        return sku;
    }
}
