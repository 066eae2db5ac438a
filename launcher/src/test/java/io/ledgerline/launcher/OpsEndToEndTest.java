package io.ledgerline.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
    void aRebuildKeepsServingCompleteDataAndThenSwitchesToAnIdenticalNewGeneration() throws Exception {
        String customer = "rebuild-" + UUID.randomUUID().toString().substring(0, 8);
        String lateCustomer = "late-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 30; i++) {
            assertThat(system.commands.post("/api/orders", """
                    {"customerId":"%s","currency":"EUR","lines":[{"sku":"R-%d","quantity":%d,"unitPrice":"2.00"}]}"""
                    .formatted(customer, i, i + 1), "Idempotency-Key", HttpJson.newKey()).status()).isEqualTo(201);
        }
        String list = "/api/orders?customerId=" + customer + "&limit=200&sort=total";
        JsonNode before = system.awaitQuery(list, r -> r.json().path("items").size() == 30).json().path("items");
        int liveBefore = system.ops.get("/ops/projections/orders").json().path("live").path("generation").asInt();
        int next = nextGeneration("orders");
        List<String> indexesBefore = indexes("read.orders_g" + liveBefore);
        double writtenInBulkBefore = bulkEvents("orders");
        assertThat(indexesBefore).as("the live orders table has secondary indexes to rebuild")
                .anyMatch(index -> !index.startsWith("UNIQUE"));

        HttpJson.Response started;
        List<Integer> seenDuringRebuild = new ArrayList<>();
        // The new generation cannot lay out its segments while this transaction holds one of their rows,
        // so the rebuild stays in progress, however fast this machine is, until the samples are taken.
        try (Connection holder = DriverManager.getConnection(system.connection.url(), system.connection.username(),
                system.connection.password())) {
            holder.setAutoCommit(false);
            try (PreparedStatement segment = holder.prepareStatement(
                    "INSERT INTO read.token_entry (processor_name, segment) VALUES (?, 0)")) {
                segment.setString(1, "orders-g" + next);
                segment.executeUpdate();
            }
            CompletableFuture<HttpJson.Response> rebuild = CompletableFuture.supplyAsync(
                    () -> system.ops.post("/ops/projections/orders/rebuild", null));
            JsonNode rebuilding = await().atMost(Duration.ofSeconds(15)).until(
                    () -> system.ops.get("/ops/projections/orders").json(),
                    status -> status.path("rebuild").path("generation").asInt() == next);
            assertThat(rebuilding.path("state").asText()).isEqualTo("REBUILDING");
            assertThat(rebuilding.path("live").path("generation").asInt()).isEqualTo(liveBefore);
            assertThat(indexes("read.orders_g" + next)).as("while building: keys only, no secondary index")
                    .isNotEmpty().allMatch(index -> index.startsWith("UNIQUE"));

            // Appended after the rebuild's target: not in the bulk, but for the new generation's processor to add.
            for (int i = 0; i < 5; i++) {
                assertThat(system.commands.post("/api/orders", """
                        {"customerId":"%s","currency":"EUR","lines":[{"sku":"L-%d","quantity":1,"unitPrice":"3.00"}]}"""
                        .formatted(lateCustomer, i), "Idempotency-Key", HttpJson.newKey()).status()).isEqualTo(201);
            }
            for (int i = 0; i < 10; i++) {
                HttpJson.Response read = system.queries.get(list);
                assertThat(read.status()).isEqualTo(200);
                seenDuringRebuild.add(read.json().path("items").size());
            }
            HttpJson.Response again = system.ops.post("/ops/projections/orders/rebuild", null);
            JsonNode stillRebuilding = system.ops.get("/ops/projections/orders").json();

            assertThat(stillRebuilding.path("state").asText()).as("the samples were taken during the rebuild")
                    .isEqualTo("REBUILDING");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.field("type")).isEqualTo("urn:ledgerline:problem:rebuild-in-progress");
            holder.rollback();
            started = rebuild.get(30, TimeUnit.SECONDS);
        }
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().path("rebuild").path("generation").asInt()).isEqualTo(next);
        assertThat(seenDuringRebuild).hasSize(10).containsOnly(30);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode status = system.ops.get("/ops/projections/orders").json();
            return status.path("live").path("generation").asInt() == next && !status.hasNonNull("rebuild");
        });
        JsonNode after = system.queries.get(list).json().path("items");
        assertThat(after).isEqualTo(before);
        assertThat(system.awaitQuery("/api/orders?customerId=" + lateCustomer + "&limit=200",
                        r -> r.json().path("items").size() >= 5).json()
                .path("items")).as("the orders placed during the rebuild, once each").hasSize(5);
        assertThat(bulkEvents("orders") - writtenInBulkBefore).as("the history up to the rebuild's start was written in bulk")
                .isGreaterThanOrEqualTo(30);
        assertThat(indexes("read.orders_g" + next)).as("live again with every index of the generation it replaced")
                .isEqualTo(indexesBefore);
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

        // Once retried, the aggregate is no longer parked: its next event is handled live, not parked behind nothing.
        system.commands.post("/api/inventory/" + poisoned + "/receipts", "{\"quantity\":1}");
        system.awaitQuery("/api/inventory/" + poisoned + "?minVersion=2", r -> r.json().path("onHand").asInt() == 5);
        assertThat(count(system.ops.get("/ops/projections/inventory/dead-letters").json(), poisoned)).isZero();
    }

    @Test
    void aBulkRetryHandlesEveryParkedAggregateAndAnEvictedOneIsDroppedForGood() {
        int generation = system.ops.get("/ops/projections/inventory").json().path("live").path("generation").asInt();
        String table = "read.inventory_g" + generation;
        List<String> poisoned = List.of(sku("BULK"), sku("BULK"), sku("EVICT"));
        String evicted = poisoned.get(2);
        String healthy = sku("HEALTHY");
        // NOT VALID: rows other tests left behind are not checked, only what the projection writes from now on.
        system.database.sql("ALTER TABLE " + table + " ADD CONSTRAINT simulated_bug CHECK (name <> 'Toxic') NOT VALID").update();
        try {
            for (String sku : poisoned) {
                system.commands.post("/api/inventory", "{\"sku\":\"" + sku + "\",\"name\":\"Toxic\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");
                system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":3}");
            }
            system.commands.post("/api/inventory", "{\"sku\":\"" + healthy + "\",\"name\":\"Fine\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");
            system.awaitQuery("/api/inventory/" + healthy, r -> true);
            await().atMost(Duration.ofSeconds(15)).until(() -> system.ops.get("/ops/projections/inventory/dead-letters").json(),
                    letters -> poisoned.stream().allMatch(sku -> count(letters, sku) == 2));
        } finally {
            system.database.sql("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS simulated_bug").update();
        }

        HttpJson.Response eviction = system.ops.delete("/ops/projections/inventory/dead-letters/" + evicted);
        assertThat(eviction.status()).isEqualTo(200);
        assertThat(eviction.json().path("evicted").asInt()).isEqualTo(2);
        long parkedBefore = sequences(system.ops.get("/ops/projections/inventory/dead-letters").json());

        HttpJson.Response retried = system.ops.post("/ops/projections/inventory/dead-letters/retry", null);

        assertThat(retried.status()).isEqualTo(200);
        JsonNode letters = system.ops.get("/ops/projections/inventory/dead-letters").json();
        assertThat(poisoned).allMatch(sku -> count(letters, sku) == 0);
        assertThat(retried.json().path("sequencesHandled").asLong()).isGreaterThanOrEqualTo(2)
                .isEqualTo(parkedBefore - sequences(letters));
        assertThat(retried.json().path("remaining").asInt()).isEqualTo(letters.size());
        for (String sku : poisoned.subList(0, 2)) {
            HttpJson.Response stock = system.queries.get("/api/inventory/" + sku);
            assertThat(stock.status()).isEqualTo(200);
            assertThat(stock.json().path("onHand").asInt()).isEqualTo(3);
        }
        assertThat(system.queries.get("/api/inventory/" + evicted).status()).isEqualTo(404);
        assertThat(system.ops.delete("/ops/projections/inventory/dead-letters/" + evicted).status()).isEqualTo(404);
    }

    @Test
    void aRebuildThatMeetsAnEventItCannotWriteParksOnlyThatAggregateAndBuildsEverythingElse() {
        String venom = sku("VENOM");
        String fine = sku("FINE");
        system.commands.post("/api/inventory", "{\"sku\":\"" + venom + "\",\"name\":\"Venom\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");
        system.commands.post("/api/inventory/" + venom + "/receipts", "{\"quantity\":5}");
        system.commands.post("/api/inventory", "{\"sku\":\"" + fine + "\",\"name\":\"Fine\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");
        system.awaitQuery("/api/inventory/" + fine, r -> true);
        system.awaitQuery("/api/inventory/" + venom, r -> r.json().path("onHand").asInt() == 5);
        int live = system.ops.get("/ops/projections/inventory").json().path("live").path("generation").asInt();
        int next = nextGeneration("inventory");
        // A "bug" only the new generation meets: its tables are made LIKE the live ones, constraints included,
        // and NOT VALID leaves the live rows unchecked. The bulk build's chunk with the Venom events fails; the
        // generation's processor takes over and must park only that product's events.
        system.database.sql("ALTER TABLE read.inventory_g" + live + " ADD CONSTRAINT simulated_bug CHECK (name <> 'Venom') NOT VALID")
                .update();
        try {
            assertThat(system.ops.post("/ops/projections/inventory/rebuild", null).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> system.ops.get("/ops/projections/inventory").json(),
                    status -> status.path("live").path("generation").asInt() == next && !status.hasNonNull("rebuild"));

            JsonNode letters = system.ops.get("/ops/projections/inventory/dead-letters").json();
            assertThat(count(letters, venom)).as("the product the new generation refuses, and only it, is parked").isEqualTo(2);
            assertThat(first(letters, venom).path("causeMessage").asText()).contains("simulated_bug");
            assertThat(system.queries.get("/api/inventory/" + venom).status()).isEqualTo(404);
            assertThat(system.queries.get("/api/inventory/" + fine).status()).isEqualTo(200);
        } finally {
            for (int generation : List.of(live, next)) {
                system.database.sql("ALTER TABLE IF EXISTS read.inventory_g" + generation + " DROP CONSTRAINT IF EXISTS simulated_bug")
                        .update();
            }
        }

        HttpJson.Response retried = system.ops.post("/ops/projections/inventory/dead-letters/" + venom + "/retry", null);

        assertThat(retried.json().path("handled").asBoolean()).isTrue();
        assertThat(system.queries.get("/api/inventory/" + venom).json().path("onHand").asInt()).isEqualTo(5);
    }

    /** Events rebuilds of {@code model} have written in bulk so far, as the projections app's metrics say. */
    private static double bulkEvents(String model) {
        String prefix = "ledgerline_projection_rebuild_bulk_events_total{";
        return system.ops.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith(prefix) && line.contains("model=\"" + model + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** A table's indexes without their names: {@code UNIQUE USING btree (order_id)}, {@code USING btree (…)}, sorted. */
    private static List<String> indexes(String table) {
        return system.database.sql("""
                        SELECT CASE WHEN indisunique THEN 'UNIQUE ' ELSE '' END
                               || substring(pg_get_indexdef(indexrelid) FROM ' (USING .*)$') AS shape
                        FROM pg_index WHERE indrelid = CAST(? AS regclass) ORDER BY shape""")
                .param(table).query(String.class).list();
    }

    /** The next generation a rebuild of {@code model} will build, as the generations table decides it. */
    private static int nextGeneration(String model) {
        return system.database.sql("SELECT greatest(active, coalesce(retired, 0)) + 1 FROM read.projection_generation "
                + "WHERE model = ?").param(model).query(Integer.class).single();
    }

    private static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long sequences(JsonNode letters) {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        letters.forEach(letter -> distinct.add(letter.path("sequence").asText()));
        return distinct.size();
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
