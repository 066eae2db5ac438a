package io.ledgerline.launcher;

import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three apps on one real PostgreSQL, as a client and a reporting tool see them: commands
 * over HTTP to the command side, then the query side polled until the projections caught up.
 * The apps share nothing but the database; events reach the read side through the event store.
 */
class SystemEndToEndTest {

    private static RunningSystem system;
    private static HttpJson commands;
    private static HttpJson queries;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        commands = system.commands;
        queries = system.queries;
    }

    @Test
    void anOrderItsStockAndItsPaymentShowUpInTheQueryApi() {
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        ok(commands.post("/api/inventory", "{\"sku\":\"" + sku + "\",\"name\":\"Lamp\",\"unitPrice\":\"12.50\",\"currency\":\"EUR\"}"));
        ok(commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":10}"));
        String orderId = ok(commands.post("/api/orders", """
                {"customerId":"e2e-customer","currency":"EUR","lines":[{"sku":"%s","quantity":4,"unitPrice":"12.50"}]}"""
                .formatted(sku), "Idempotency-Key", HttpJson.newKey())).field("orderId");

        HttpJson.Response order = awaitQuery("/api/orders/" + orderId, r -> r.status() == 200);
        assertThat(order.field("status")).isEqualTo("PLACED");
        assertThat(order.field("total")).isEqualTo("50.00");
        assertThat(order.field("customerId")).isEqualTo("e2e-customer");
        assertThat(order.etag()).isEqualTo("\"0\"");

        ok(commands.post("/api/inventory/" + sku + "/reservations", "{\"orderId\":\"" + orderId + "\",\"quantity\":4}"));
        HttpJson.Response stock = awaitQuery("/api/inventory/" + sku, r -> r.json().path("version").asLong() == 2);
        assertThat(stock.json().path("onHand").asInt()).isEqualTo(10);
        assertThat(stock.json().path("reserved").asInt()).isEqualTo(4);
        assertThat(stock.json().path("available").asInt()).isEqualTo(6);

        String paymentId = ok(commands.post("/api/payments", """
                {"orderId":"%s","amount":"50.00","currency":"EUR","paymentMethodToken":"tok_e2e_visa"}"""
                .formatted(orderId), "Idempotency-Key", HttpJson.newKey())).field("paymentId");
        ok(commands.post("/api/payments/" + paymentId + "/capture", "{\"amount\":\"20.00\",\"currency\":\"EUR\"}", "Idempotency-Key", HttpJson.newKey()));
        HttpJson.Response payment = awaitQuery("/api/payments/" + paymentId, r -> r.json().path("version").asLong() == 1);
        assertThat(payment.field("status")).isEqualTo("PARTIALLY_CAPTURED");
        assertThat(payment.field("authorized")).isEqualTo("50.00");
        assertThat(payment.field("captured")).isEqualTo("20.00");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        HttpJson.Response report = awaitQuery("/api/reports/daily-sales?from=" + today + "&to=" + today + "&sku=" + sku,
                r -> r.json().path("rows").size() == 1);
        assertThat(report.json().path("rows").get(0).path("units").asLong()).isEqualTo(4);
        assertThat(report.json().path("rows").get(0).path("revenue").asText()).isEqualTo("50.00");

        HttpJson.Response csv = queries.get("/api/orders?customerId=e2e-customer", "Accept", "text/csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("orderId,customerId,status").contains(orderId);
    }

    @Test
    void aCancelledOrderLeavesTheSalesReportAndMovesTheStatusCount() {
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        ok(commands.post("/api/inventory", "{\"sku\":\"" + sku + "\",\"name\":\"Desk\",\"unitPrice\":\"100\",\"currency\":\"EUR\"}"));
        String orderId = ok(commands.post("/api/orders", """
                {"customerId":"e2e-cancel","currency":"EUR","lines":[{"sku":"%s","quantity":1,"unitPrice":"100"}]}"""
                .formatted(sku), "Idempotency-Key", HttpJson.newKey())).field("orderId");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String report = "/api/reports/daily-sales?from=" + today + "&to=" + today + "&sku=" + sku;
        awaitQuery(report, r -> r.json().path("rows").size() == 1 && r.json().path("rows").get(0).path("orders").asLong() == 1);
        long cancelledBefore = statusCount("CANCELLED");

        ok(commands.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"customer changed their mind\"}"));

        HttpJson.Response order = awaitQuery("/api/orders/" + orderId, r -> r.field("status").equals("CANCELLED"));
        assertThat(order.field("cancelReason")).isEqualTo("customer changed their mind");
        HttpJson.Response after = awaitQuery(report, r -> r.json().path("rows").get(0).path("orders").asLong() == 0);
        assertThat(after.json().path("rows").get(0).path("revenue").asText()).isEqualTo("0.00");
        assertThat(statusCount("CANCELLED")).isEqualTo(cancelledBefore + 1);
    }

    private static long statusCount(String status) {
        for (var row : queries.get("/api/reports/order-status").json()) {
            if (row.path("status").asText().equals(status)) {
                return row.path("count").asLong();
            }
        }
        throw new AssertionError("no count for " + status);
    }

    private static HttpJson.Response ok(HttpJson.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response;
    }

    private static HttpJson.Response awaitQuery(String path, Predicate<HttpJson.Response> visible) {
        return system.awaitQuery(path, visible);
    }
}
