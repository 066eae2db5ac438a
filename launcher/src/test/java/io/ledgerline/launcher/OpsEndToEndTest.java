package io.ledgerline.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Operators see the read side's state, rebuild a read model without read downtime, and repair dead letters. */
class OpsEndToEndTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    @Test
    void statusShowsEveryReadModelWithItsSegmentsOwnersAndLag() {
        system.commands.post("/api/inventory", "{\"sku\":\"OPS-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"name\":\"Gauge\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");

        JsonNode all = await().atMost(Duration.ofSeconds(15)).until(() -> system.ops.get("/ops/projections").json(),
                statuses -> statuses.size() == 4 && allCaughtUp(statuses));

        assertThat(all).extracting(s -> s.path("model").asText()).containsExactlyInAnyOrder("orders", "payments", "inventory", "sales");
        JsonNode inventory = system.ops.get("/ops/projections/inventory").json();
        assertThat(inventory.path("state").asText()).isIn("RUNNING", "CATCHING_UP");
        assertThat(inventory.path("head").asLong()).isPositive();
        assertThat(inventory.path("live").path("segments")).hasSize(4)
                .allMatch(segment -> !segment.path("owner").asText().isBlank());
        assertThat(system.ops.get("/ops/projections/nope").status()).isEqualTo(404);
        assertThat(system.ops.get("/actuator/health/readiness").json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void aRebuildKeepsServingCompleteDataAndThenSwitchesToAnIdenticalNewGeneration() {
        String customer = "rebuild-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 30; i++) {
            assertThat(system.commands.post("/api/orders", """
                    {"customerId":"%s","currency":"EUR","lines":[{"sku":"R-%d","quantity":%d,"unitPrice":"2.00"}]}"""
                    .formatted(customer, i, i + 1), "Idempotency-Key", HttpJson.newKey()).status()).isEqualTo(201);
        }
        String list = "/api/orders?customerId=" + customer + "&limit=200&sort=total";
        JsonNode before = system.awaitQuery(list, r -> r.json().path("items").size() == 30).json().path("items");
        int liveBefore = system.ops.get("/ops/projections/orders").json().path("live").path("generation").asInt();

        HttpJson.Response started = system.ops.post("/ops/projections/orders/rebuild", null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().path("rebuild").path("generation").asInt()).isEqualTo(liveBefore + 1);

        List<Integer> seenDuringRebuild = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            seenDuringRebuild.add(system.queries.get(list).json().path("items").size());
            JsonNode status = system.ops.get("/ops/projections/orders").json();
            return status.path("live").path("generation").asInt() == liveBefore + 1 && !status.hasNonNull("rebuild");
        });
        assertThat(seenDuringRebuild).isNotEmpty().containsOnly(30);
        JsonNode after = system.queries.get(list).json().path("items");
        assertThat(after).isEqualTo(before);
        await().atMost(Duration.ofSeconds(30)).until(() -> system.database.sql("SELECT to_regclass(?)::text")
                .param("read.orders_g" + liveBefore).query(String.class).optional().isEmpty());
    }

    @Test
    void aPoisonEventParksOnlyItsAggregateAndARetryAfterTheFixHandlesItOnce() {
        int generation = system.ops.get("/ops/projections/inventory").json().path("live").path("generation").asInt();
        String table = "read.inventory_g" + generation;
        String poisoned = "POISON-" + UUID.randomUUID().toString().substring(0, 8);
        String healthy = "HEALTHY-" + UUID.randomUUID().toString().substring(0, 8);
        // A "bug" in the read model: it refuses products named Poison.
        system.database.sql("ALTER TABLE " + table + " ADD CONSTRAINT simulated_bug CHECK (name <> 'Poison')").update();
        try {
            system.commands.post("/api/inventory", "{\"sku\":\"" + poisoned + "\",\"name\":\"Poison\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");
            system.commands.post("/api/inventory/" + poisoned + "/receipts", "{\"quantity\":4}");
            system.commands.post("/api/inventory", "{\"sku\":\"" + healthy + "\",\"name\":\"Fine\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");

            system.awaitQuery("/api/inventory/" + healthy, r -> true);
            JsonNode letters = await().atMost(Duration.ofSeconds(15)).until(
                    () -> system.ops.get("/ops/projections/inventory/dead-letters").json(),
                    l -> count(l, poisoned) == 2);
            assertThat(first(letters, poisoned).path("causeMessage").asText()).contains("simulated_bug");
            assertThat(system.queries.get("/api/inventory/" + poisoned).status()).isEqualTo(404);
        } finally {
            system.database.sql("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS simulated_bug").update();
        }

        HttpJson.Response retried = system.ops.post("/ops/projections/inventory/dead-letters/" + poisoned + "/retry", null);

        assertThat(retried.json().path("handled").asBoolean()).isTrue();
        HttpJson.Response stock = system.queries.get("/api/inventory/" + poisoned);
        assertThat(stock.json().path("onHand").asInt()).isEqualTo(4);
        assertThat(stock.json().path("version").asLong()).isEqualTo(1);
        assertThat(count(system.ops.get("/ops/projections/inventory/dead-letters").json(), poisoned)).isZero();
        assertThat(system.ops.post("/ops/projections/inventory/dead-letters/" + poisoned + "/retry", null).status())
                .isEqualTo(404);
    }

    private static boolean allCaughtUp(JsonNode statuses) {
        for (JsonNode status : statuses) {
            if (status.path("live").path("lagEvents").asLong() != 0) {
                return false;
            }
        }
        return true;
    }

    private static long count(JsonNode letters, String sequence) {
        long count = 0;
        for (JsonNode letter : letters) {
            if (letter.path("sequence").asText().equals(sequence)) {
                count++;
            }
        }
        return count;
    }

    private static JsonNode first(JsonNode letters, String sequence) {
        for (JsonNode letter : letters) {
            if (letter.path("sequence").asText().equals(sequence)) {
                return letter;
            }
        }
        throw new AssertionError("no dead letter for " + sequence);
    }
}
