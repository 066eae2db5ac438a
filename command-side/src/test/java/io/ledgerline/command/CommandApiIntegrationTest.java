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

    @Test
    void aCapturedPaymentIsRefundedUpToWhatWasCapturedAndNoFurther() throws Exception {
        String paymentId = authorize("30.00");
        http.post("/api/payments/" + paymentId + "/capture", "{\"amount\":\"20.00\",\"currency\":\"EUR\"}",
                "Idempotency-Key", HttpJson.newKey());

        HttpJson.Response refunded = http.post("/api/payments/" + paymentId + "/refund",
                "{\"amount\":\"5.00\",\"currency\":\"EUR\",\"reason\":\"damaged\"}", "Idempotency-Key", HttpJson.newKey());
        HttpJson.Response tooMuch = http.post("/api/payments/" + paymentId + "/refund",
                "{\"amount\":\"15.01\",\"currency\":\"EUR\",\"reason\":\"greedy\"}", "Idempotency-Key", HttpJson.newKey());

        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().path("version").asLong()).isEqualTo(2);
        assertThat(refunded.etag()).isEqualTo("\"2\"");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.field("type")).isEqualTo("urn:ledgerline:problem:refund-exceeds-captured");
        List<StoredEvent> events = eventsOf(paymentId);
        assertThat(events).extracting(StoredEvent::simpleType)
                .containsExactly("PaymentAuthorized", "PaymentCaptured", "PaymentRefunded");
        JsonNode refund = json.readTree(events.get(2).payload());
        assertThat(refund.path("amount").path("minorUnits").asLong()).isEqualTo(500);
        assertThat(refund.path("refundedTotal").path("minorUnits").asLong()).isEqualTo(500);
        assertThat(refund.path("reason").asText()).isEqualTo("damaged");
    }

    @Test
    void anAuthorizationIsVoidedOnceAndCanThenNeitherBeCapturedNorVoidedAgain() throws Exception {
        String paymentId = authorize("12.00");

        HttpJson.Response voided = http.post("/api/payments/" + paymentId + "/void", "{\"reason\":\"order cancelled\"}",
                "Idempotency-Key", HttpJson.newKey());
        HttpJson.Response capture = http.post("/api/payments/" + paymentId + "/capture",
                "{\"amount\":\"12.00\",\"currency\":\"EUR\"}", "Idempotency-Key", HttpJson.newKey());
        HttpJson.Response again = http.post("/api/payments/" + paymentId + "/void", null, "Idempotency-Key", HttpJson.newKey());

        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.json().path("version").asLong()).isEqualTo(1);
        assertThat(capture.status()).isEqualTo(409);
        assertThat(capture.field("type")).isEqualTo("urn:ledgerline:problem:payment-state-conflict");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("type")).isEqualTo("urn:ledgerline:problem:payment-state-conflict");
        List<StoredEvent> events = eventsOf(paymentId);
        assertThat(events).extracting(StoredEvent::simpleType).containsExactly("PaymentAuthorized", "PaymentVoided");
        assertThat(json.readTree(events.get(1).payload()).path("reason").asText()).isEqualTo("order cancelled");
    }

    @Test
    void aReservationIsReleasedOrShippedOnceAndMovesTheStockAccordingly() throws Exception {
        String sku = registerProduct();
        http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":10}");
        http.post("/api/inventory/" + sku + "/reservations", "{\"orderId\":\"o-release\",\"quantity\":3}");
        http.post("/api/inventory/" + sku + "/reservations", "{\"orderId\":\"o-ship\",\"quantity\":2}");

        HttpJson.Response released = http.post("/api/inventory/" + sku + "/reservations/o-release/release", null);
        HttpJson.Response shipped = http.post("/api/inventory/" + sku + "/reservations/o-ship/ship", null);
        HttpJson.Response releasedTwice = http.post("/api/inventory/" + sku + "/reservations/o-release/release", null);
        HttpJson.Response shippedTwice = http.post("/api/inventory/" + sku + "/reservations/o-ship/ship", null);

        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().path("version").asLong()).isEqualTo(4);
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThat(shipped.etag()).isEqualTo("\"5\"");
        assertThat(releasedTwice.status()).isEqualTo(409);
        assertThat(releasedTwice.field("type")).isEqualTo("urn:ledgerline:problem:reservation-not-found");
        assertThat(shippedTwice.field("type")).isEqualTo("urn:ledgerline:problem:reservation-not-found");
        List<StoredEvent> events = eventsOf(sku);
        assertThat(events).extracting(StoredEvent::simpleType).containsExactly("ProductRegistered", "StockReceived",
                "StockReserved", "StockReserved", "ReservationReleased", "ReservedStockShipped");
        JsonNode release = json.readTree(events.get(4).payload());
        assertThat(release.path("quantity").asInt()).isEqualTo(3);
        assertThat(release.path("onHand").asInt()).isEqualTo(10);
        assertThat(release.path("reserved").asInt()).isEqualTo(2);
        JsonNode shipment = json.readTree(events.get(5).payload());
        assertThat(shipment.path("quantity").asInt()).isEqualTo(2);
        assertThat(shipment.path("onHand").asInt()).isEqualTo(8);
        assertThat(shipment.path("reserved").asInt()).isZero();
    }

    @Test
    void aFailingEventStoreIsAnInternalErrorThatRevealsNothingAndLeavesTheKeyFree() {
        String sku = registerProduct();
        String key = HttpJson.newKey();
        jdbc.sql("""
                CREATE FUNCTION events.simulated_outage() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.aggregate_identifier = '%s' THEN RAISE EXCEPTION 'simulated outage in the store'; END IF;
                    RETURN NEW;
                END $$""".formatted(sku)).update();
        jdbc.sql("CREATE TRIGGER simulated_outage BEFORE INSERT ON events.domain_event_entry "
                + "FOR EACH ROW EXECUTE FUNCTION events.simulated_outage()").update();
        HttpJson.Response failed;
        try {
            failed = http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}", "Idempotency-Key", key);
        } finally {
            jdbc.sql("DROP TRIGGER simulated_outage ON events.domain_event_entry").update();
            jdbc.sql("DROP FUNCTION events.simulated_outage()").update();
        }
        HttpJson.Response retried = http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}", "Idempotency-Key", key);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.field("type")).isEqualTo("urn:ledgerline:problem:internal-error");
        assertThat(failed.field("detail")).contains(failed.field("incident"));
        assertThat(failed.body()).doesNotContain("simulated outage", "domain_event_entry", "org.", "SQL", "Exception");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(eventsOf(sku)).extracting(StoredEvent::simpleType).containsExactly("ProductRegistered", "StockReceived");
    }

    private String authorize(String amount) {
        HttpJson.Response authorized = http.post("/api/payments", """
                {"orderId":"o-%s","amount":"%s","currency":"EUR","paymentMethodToken":"tok_visa"}"""
                .formatted(HttpJson.newKey(), amount), "Idempotency-Key", HttpJson.newKey());
        assertThat(authorized.field("status")).isEqualTo("AUTHORIZED");
        return authorized.field("paymentId");
    }
}
