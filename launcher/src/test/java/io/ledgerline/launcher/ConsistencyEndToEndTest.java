package io.ledgerline.launcher;

import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.Race;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Stock cannot be oversold, and a client can read its own writes from the query side at once. */
class ConsistencyEndToEndTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    @Test
    void ofAHundredConcurrentReservationsOfOneUnitOnlyTheTenInStockSucceed() throws Exception {
        String sku = "OVS-" + UUID.randomUUID().toString().substring(0, 8);
        system.commands.post("/api/inventory", "{\"sku\":\"" + sku + "\",\"name\":\"Hot item\",\"unitPrice\":\"9.99\",\"currency\":\"EUR\"}");
        system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":10}");

        List<HttpJson.Response> responses = Race.repeat(100, () -> system.commands.post(
                "/api/inventory/" + sku + "/reservations",
                "{\"orderId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}"));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(10);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(90)
                .extracting(r -> r.field("type")).containsOnly("urn:ledgerline:problem:insufficient-stock");
        assertThat(system.events(sku, "StockReserved")).isEqualTo(10);
        HttpJson.Response stock = system.awaitQuery("/api/inventory/" + sku + "?minVersion=11", r -> true);
        assertThat(stock.json().path("reserved").asInt()).isEqualTo(10);
        assertThat(stock.json().path("available").asInt()).isZero();
    }

    @Test
    void aReadNamingTheVersionJustWrittenReturnsTheNewState() {
        String sku = "RYW-" + UUID.randomUUID().toString().substring(0, 8);
        system.commands.post("/api/inventory", "{\"sku\":\"" + sku + "\",\"name\":\"Fresh\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");

        for (int quantity = 1; quantity <= 5; quantity++) {
            HttpJson.Response written = system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}");
            long version = written.json().path("version").asLong();

            HttpJson.Response read = system.queries.get("/api/inventory/" + sku + "?minVersion=" + version);

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().path("onHand").asInt()).isEqualTo(quantity);
            assertThat(read.json().path("version").asLong()).isGreaterThanOrEqualTo(version);
        }
    }

    @Test
    void aListNamingThePositionJustWrittenIncludesTheWrite() {
        HttpJson.Response placed = system.commands.post("/api/orders", """
                {"customerId":"ryw-list","currency":"EUR","lines":[{"sku":"ANY-1","quantity":1,"unitPrice":"3.00"}]}""",
                "Idempotency-Key", HttpJson.newKey());
        long position = placed.json().path("position").asLong();
        assertThat(position).isPositive();

        HttpJson.Response list = system.queries.get("/api/orders?customerId=ryw-list&minPosition=" + position);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(placed.field("orderId"));
    }

    @Test
    void aVersionThatNeverComesIsAnsweredNotYetConsistentWithTheCurrentVersion() {
        String sku = "RYW-" + UUID.randomUUID().toString().substring(0, 8);
        system.commands.post("/api/inventory", "{\"sku\":\"" + sku + "\",\"name\":\"Later\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");
        system.awaitQuery("/api/inventory/" + sku, r -> true);

        HttpJson.Response early = system.queries.get("/api/inventory/" + sku + "?minVersion=99");

        assertThat(early.status()).isEqualTo(503);
        assertThat(early.field("type")).isEqualTo("urn:ledgerline:problem:not-yet-consistent");
        assertThat(early.json().path("requiredVersion").asLong()).isEqualTo(99);
        assertThat(early.json().path("currentVersion").asLong()).isZero();
    }
}
