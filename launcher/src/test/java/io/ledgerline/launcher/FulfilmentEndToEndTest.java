package io.ledgerline.launcher;

import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders placed with a payment-method token are fulfilled by the fulfilment process: observed
 * over HTTP only, through the query API, as a client app would.
 */
class FulfilmentEndToEndTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    @Test
    void anOrderWithStockAndAnApprovedPaymentIsConfirmedThenShippingCapturesAndConsumesStock() {
        String lamp = product(10);
        String desk = product(5);
        String orderId = placeAutomatic("tok_visa", line(lamp, 2, "10.00"), line(desk, 1, "80.00"));

        HttpJson.Response order = system.awaitQuery("/api/orders/" + orderId, r -> r.field("status").equals("CONFIRMED"));
        assertThat(order.field("total")).isEqualTo("100.00");
        assertThat(stock(lamp).json().path("reserved").asInt()).isEqualTo(2);
        HttpJson.Response payments = system.awaitQuery("/api/payments?orderId=" + orderId,
                r -> r.json().path("items").size() == 1);
        String paymentId = payments.json().path("items").get(0).path("paymentId").asText();
        assertThat(payments.json().path("items").get(0).path("status").asText()).isEqualTo("AUTHORIZED");

        assertThat(system.commands.post("/api/orders/" + orderId + "/ship", null).status()).isEqualTo(200);

        system.awaitQuery("/api/payments/" + paymentId, r -> r.field("status").equals("CAPTURED"));
        HttpJson.Response lampStock = system.awaitQuery("/api/inventory/" + lamp, r -> r.json().path("reserved").asInt() == 0);
        assertThat(lampStock.json().path("onHand").asInt()).isEqualTo(8);
        assertThat(system.awaitQuery("/api/inventory/" + desk, r -> r.json().path("onHand").asInt() == 4)
                .json().path("available").asInt()).isEqualTo(4);
        assertThat(system.events(paymentId, "PaymentCaptured")).isEqualTo(1);
    }

    @Test
    void anOrderThatCannotBeReservedIsCancelledAndWhatWasReservedIsReleased() {
        String plenty = product(10);
        String scarce = product(1);
        String orderId = placeAutomatic("tok_visa", line(plenty, 3, "5.00"), line(scarce, 2, "5.00"));

        HttpJson.Response order = system.awaitQuery("/api/orders/" + orderId, r -> r.field("status").equals("CANCELLED"));
        assertThat(order.field("cancelReason")).contains(scarce);
        system.awaitQuery("/api/inventory/" + plenty, r -> r.json().path("version").asLong() >= 3
                && r.json().path("reserved").asInt() == 0);
        assertThat(system.events(plenty, "ReservationReleased")).isEqualTo(1);
        assertThat(system.events(scarce, "StockReserved")).isZero();
        assertThat(system.queries.get("/api/payments?orderId=" + orderId).json().path("items").size()).isZero();
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndReleasesItsStock() {
        String sku = product(4);
        String orderId = placeAutomatic("tok_decline_insufficient_funds", line(sku, 4, "2.50"));

        HttpJson.Response order = system.awaitQuery("/api/orders/" + orderId, r -> r.field("status").equals("CANCELLED"));
        assertThat(order.field("cancelReason")).contains("insufficient_funds");
        HttpJson.Response stock = system.awaitQuery("/api/inventory/" + sku,
                r -> r.json().path("version").asLong() >= 3 && r.json().path("reserved").asInt() == 0);
        assertThat(stock.json().path("available").asInt()).isEqualTo(4);
        assertThat(system.awaitQuery("/api/payments?orderId=" + orderId, r -> r.json().path("items").size() == 1)
                .json().path("items").get(0).path("status").asText()).isEqualTo("DECLINED");
    }

    @Test
    void aClientCancellingAConfirmedOrderGetsItsStockReleasedAndItsPaymentVoided() {
        String sku = product(3);
        String orderId = placeAutomatic("tok_visa", line(sku, 3, "1.00"));
        system.awaitQuery("/api/orders/" + orderId, r -> r.field("status").equals("CONFIRMED"));

        assertThat(system.commands.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"changed my mind\"}")
                .status()).isEqualTo(200);

        system.awaitQuery("/api/payments?orderId=" + orderId,
                r -> r.json().path("items").size() == 1 && r.json().path("items").get(0).path("status").asText().equals("VOIDED"));
        assertThat(system.awaitQuery("/api/inventory/" + sku, r -> r.json().path("reserved").asInt() == 0)
                .json().path("available").asInt()).isEqualTo(3);
    }

    private static String product(int onHand) {
        String sku = "FUL-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(system.commands.post("/api/inventory",
                "{\"sku\":\"" + sku + "\",\"name\":\"Thing\",\"unitPrice\":\"1.00\",\"currency\":\"EUR\"}").status())
                .isEqualTo(201);
        assertThat(system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":" + onHand + "}").status())
                .isEqualTo(200);
        return sku;
    }

    private static String line(String sku, int quantity, String price) {
        return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"unitPrice\":\"" + price + "\"}";
    }

    private static String placeAutomatic(String token, String... lines) {
        HttpJson.Response placed = system.commands.post("/api/orders", """
                {"customerId":"fulfilment","currency":"EUR","lines":[%s],"payment":{"paymentMethodToken":"%s"}}"""
                .formatted(String.join(",", lines), token), "Idempotency-Key", HttpJson.newKey());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.field("fulfilment")).isEqualTo("AUTOMATIC");
        return placed.field("orderId");
    }

    private static HttpJson.Response stock(String sku) {
        return system.queries.get("/api/inventory/" + sku);
    }
}
