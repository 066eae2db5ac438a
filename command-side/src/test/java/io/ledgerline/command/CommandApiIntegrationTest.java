package io.ledgerline.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands over HTTP against the real app, with the resulting events read back from PostgreSQL. */
class CommandApiIntegrationTest extends CommandSideTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theWalkthroughStoresEveryEventWithTypeSequencePayloadAndMetadata() throws Exception {
        String sku = registerProduct();
        assertThat(http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":10}").status()).isEqualTo(200);

        HttpJson.Response placed = http.post("/api/orders", """
                {"customerId":"c-42","currency":"EUR","lines":[{"sku":"%s","quantity":2,"unitPrice":"19.99"}]}"""
                .formatted(sku), "Idempotency-Key", HttpJson.newKey());
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.etag()).isEqualTo("\"0\"");
        String orderId = placed.field("orderId");

        HttpJson.Response reserved = http.post("/api/inventory/" + sku + "/reservations",
                "{\"orderId\":\"" + orderId + "\",\"quantity\":2}");
        assertThat(reserved.json().path("version").asLong()).isEqualTo(2);
        assertThat(http.post("/api/orders/" + orderId + "/confirm", null).status()).isEqualTo(200);

        HttpJson.Response authorized = http.post("/api/payments", """
                {"orderId":"%s","amount":"39.98","currency":"EUR","paymentMethodToken":"tok_visa_4242"}"""
                .formatted(orderId), "Idempotency-Key", HttpJson.newKey());
        assertThat(authorized.status()).isEqualTo(201);
        assertThat(authorized.field("status")).isEqualTo("AUTHORIZED");
        String paymentId = authorized.field("paymentId");
        HttpJson.Response captured = http.post("/api/payments/" + paymentId + "/capture",
                "{\"amount\":\"39.98\",\"currency\":\"EUR\"}", "Idempotency-Key", HttpJson.newKey());
        assertThat(captured.status()).isEqualTo(200);
        assertThat(captured.etag()).isEqualTo("\"1\"");

        List<StoredEvent> stock = eventsOf(sku);
        assertThat(stock).extracting(StoredEvent::simpleType)
                .containsExactly("ProductRegistered", "StockReceived", "StockReserved");
        assertThat(stock).extracting(StoredEvent::sequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(stock).extracting(StoredEvent::type).containsOnly("InventoryItem");
        assertThat(stock).extracting(StoredEvent::payloadRevision).containsOnly("1");
        JsonNode registered = json.readTree(stock.get(0).payload());
        assertThat(registered.path("sku").asText()).isEqualTo(sku);
        assertThat(registered.path("unitPrice").path("minorUnits").asLong()).isEqualTo(1999);
        assertThat(registered.path("unitPrice").path("currency").asText()).isEqualTo("EUR");
        JsonNode reservation = json.readTree(stock.get(2).payload());
        assertThat(reservation.path("orderId").asText()).isEqualTo(orderId);
        assertThat(reservation.path("onHand").asInt()).isEqualTo(10);
        assertThat(reservation.path("reserved").asInt()).isEqualTo(2);
        assertThat(json.readTree(stock.get(1).metaData()).has("correlationId")).isTrue();

        assertThat(eventsOf(orderId)).extracting(StoredEvent::simpleType).containsExactly("OrderPlaced", "OrderConfirmed");
        JsonNode order = json.readTree(eventsOf(orderId).get(0).payload());
        assertThat(order.path("customerId").asText()).isEqualTo("c-42");
        assertThat(order.path("total").path("minorUnits").asLong()).isEqualTo(3998);

        List<StoredEvent> payment = eventsOf(paymentId);
        assertThat(payment).extracting(StoredEvent::simpleType).containsExactly("PaymentAuthorized", "PaymentCaptured");
        assertThat(payment).extracting(StoredEvent::payload).noneMatch(text -> text.contains("tok_visa_4242"));
        assertThat(stock.get(2).globalIndex()).isLessThan(payment.get(1).globalIndex());
    }

    @Test
    void aRejectedCommandAppendsNothing() {
        String sku = registerProduct();
        http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":3}");

        HttpJson.Response refused = http.post("/api/inventory/" + sku + "/reservations",
                "{\"orderId\":\"o-1\",\"quantity\":4}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.field("type")).isEqualTo("urn:ledgerline:problem:insufficient-stock");
        assertThat(eventsOf(sku)).hasSize(2);
    }

    @Test
    void registeringTheSameSkuTwiceIsAConflictAndKeepsTheFirst() {
        String sku = registerProduct();

        HttpJson.Response again = http.post("/api/inventory",
                "{\"sku\":\"" + sku + "\",\"name\":\"Other\",\"unitPrice\":\"1.00\",\"currency\":\"EUR\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("type")).isEqualTo("urn:ledgerline:problem:already-exists");
        assertThat(eventsOf(sku)).singleElement().extracting(StoredEvent::payload).asString().contains("Widget");
    }

    @Test
    void aCommandForAnUnknownAggregateIsNotFound() {
        HttpJson.Response response = http.post("/api/orders/no-such-order/confirm", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.field("type")).isEqualTo("urn:ledgerline:problem:not-found");
        assertThat(eventsOf("no-such-order")).isEmpty();
    }

    @Test
    void aDeclinedAuthorizationIsRecordedAndAnsweredWithItsReason() {
        HttpJson.Response declined = http.post("/api/payments", """
                {"orderId":"o-9","amount":"10.00","currency":"EUR","paymentMethodToken":"tok_decline_expired_card"}""", "Idempotency-Key", HttpJson.newKey());

        assertThat(declined.status()).isEqualTo(201);
        assertThat(declined.field("status")).isEqualTo("DECLINED");
        assertThat(declined.field("declineReason")).isEqualTo("expired_card");
        assertThat(eventsOf(declined.field("paymentId"))).extracting(StoredEvent::simpleType)
                .containsExactly("PaymentDeclined");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        String huge = "{\"customerId\":\"" + "x".repeat(300 * 1024) + "\",\"currency\":\"EUR\",\"lines\":[]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", HttpJson.newKey())
                .header("Authorization", "Bearer " + TestTokens.everyRole())
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).path("type").asText())
                .isEqualTo("urn:ledgerline:problem:payload-too-large");
    }

    @Test
    void aStaleIfMatchIsAVersionConflictThatNamesTheCurrentVersion() {
        String sku = registerProduct();
        http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}");

        HttpJson.Response stale = http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}", "If-Match", "\"0\"");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.field("type")).isEqualTo("urn:ledgerline:problem:version-conflict");
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(eventsOf(sku)).hasSize(2);
    }
}
