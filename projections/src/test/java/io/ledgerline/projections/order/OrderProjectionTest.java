package io.ledgerline.projections.order;

import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderCancelled;
import io.ledgerline.domain.order.OrderConfirmed;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderLine;
import io.ledgerline.domain.order.OrderPlaced;
import io.ledgerline.domain.order.OrderShipped;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.ledgerline.projections.support.ReadModelDatabase.timestamp;
import static io.ledgerline.projections.support.ReadModelDatabase.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class OrderProjectionTest {

    private static final Instant PLACED_AT = Instant.parse("2025-03-10T09:15:30Z");
    private static final Instant CONFIRMED_AT = Instant.parse("2025-03-10T09:20:00Z");
    private static final Instant SHIPPED_AT = Instant.parse("2025-03-11T14:00:00Z");
    private static final Instant CANCELLED_AT = Instant.parse("2025-03-10T10:05:00Z");

    private static ReadModelDatabase database;
    private OrderProjection projection;
    private OrderId orderId;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.migrated();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void newOrder() {
        projection = new OrderProjection(database.jdbc());
        orderId = new OrderId(unique("order"));
    }

    @Test
    void placingAnOrderWritesTheOrderAndItsLines() {
        projection.on(placed(orderId), 0, PLACED_AT);

        assertThat(order()).contains(
                entry("customer_id", "customer-7"),
                entry("status", "PLACED"),
                entry("currency", "EUR"),
                entry("total_minor", 2 * 1999L + 450L),
                entry("line_count", 2),
                entry("cancel_reason", null),
                entry("placed_at", timestamp(PLACED_AT)),
                entry("confirmed_at", null),
                entry("shipped_at", null),
                entry("cancelled_at", null),
                entry("updated_at", timestamp(PLACED_AT)),
                entry("version", 0L));
        assertThat(lines()).containsExactly(
                Map.of("line_no", 1, "sku", "SKU-A", "quantity", 2, "unit_price_minor", 1999L),
                Map.of("line_no", 2, "sku", "SKU-B", "quantity", 1, "unit_price_minor", 450L));
    }

    @Test
    void confirmingAndShippingRecordEachStepWithItsTimeAndVersion() {
        projection.on(placed(orderId), 0, PLACED_AT);
        projection.on(new OrderConfirmed(orderId), 1, CONFIRMED_AT);

        assertThat(order()).contains(
                entry("status", "CONFIRMED"),
                entry("placed_at", timestamp(PLACED_AT)),
                entry("confirmed_at", timestamp(CONFIRMED_AT)),
                entry("shipped_at", null),
                entry("updated_at", timestamp(CONFIRMED_AT)),
                entry("version", 1L));

        projection.on(new OrderShipped(orderId), 2, SHIPPED_AT);

        assertThat(order()).contains(
                entry("status", "SHIPPED"),
                entry("confirmed_at", timestamp(CONFIRMED_AT)),
                entry("shipped_at", timestamp(SHIPPED_AT)),
                entry("cancelled_at", null),
                entry("updated_at", timestamp(SHIPPED_AT)),
                entry("version", 2L),
                entry("total_minor", 2 * 1999L + 450L));
    }

    @Test
    void cancellingRecordsTheReasonAndTheTime() {
        projection.on(placed(orderId), 0, PLACED_AT);
        projection.on(new OrderCancelled(orderId, "customer changed their mind"), 1, CANCELLED_AT);

        assertThat(order()).contains(
                entry("status", "CANCELLED"),
                entry("cancel_reason", "customer changed their mind"),
                entry("cancelled_at", timestamp(CANCELLED_AT)),
                entry("confirmed_at", null),
                entry("updated_at", timestamp(CANCELLED_AT)),
                entry("version", 1L));
    }

    @Test
    void replayingEveryEventChangesNothing() {
        projection.on(placed(orderId), 0, PLACED_AT);
        projection.on(new OrderConfirmed(orderId), 1, CONFIRMED_AT);
        projection.on(new OrderCancelled(orderId, "out of stock"), 2, CANCELLED_AT);
        Map<String, Object> order = order();
        List<Map<String, Object>> lines = lines();
        Map<String, Long> counts = statusCounts();

        projection.on(placed(orderId), 0, PLACED_AT.plusSeconds(60));
        projection.on(new OrderConfirmed(orderId), 1, CONFIRMED_AT.plusSeconds(60));
        projection.on(new OrderCancelled(orderId, "a different reason"), 2, CANCELLED_AT.plusSeconds(60));

        assertThat(order()).isEqualTo(order).containsEntry("status", "CANCELLED");
        assertThat(lines()).isEqualTo(lines).hasSize(2);
        assertThat(statusCounts()).isEqualTo(counts);
    }

    @Test
    void anOlderEventArrivingAfterANewerOneDoesNotOverwriteIt() {
        projection.on(placed(orderId), 0, PLACED_AT);
        projection.on(new OrderCancelled(orderId, "fraud suspected"), 2, CANCELLED_AT);
        Map<String, Long> counts = statusCounts();

        projection.on(new OrderConfirmed(orderId), 1, CONFIRMED_AT);

        assertThat(order()).contains(
                entry("status", "CANCELLED"),
                entry("confirmed_at", null),
                entry("cancelled_at", timestamp(CANCELLED_AT)),
                entry("updated_at", timestamp(CANCELLED_AT)),
                entry("version", 2L));
        assertThat(statusCounts()).isEqualTo(counts);
    }

    @Test
    void statusCountsMoveOncePerTransitionFromPlacedToShipped() {
        Map<String, Long> before = statusCounts();

        projection.on(placed(orderId), 0, PLACED_AT);
        assertThat(changeSince(before)).containsExactlyInAnyOrderEntriesOf(Map.of("PLACED", 1L));
        projection.on(placed(orderId), 0, PLACED_AT);
        assertThat(changeSince(before)).containsExactlyInAnyOrderEntriesOf(Map.of("PLACED", 1L));

        projection.on(new OrderConfirmed(orderId), 1, CONFIRMED_AT);
        assertThat(changeSince(before)).containsExactlyInAnyOrderEntriesOf(Map.of("CONFIRMED", 1L));
        projection.on(new OrderConfirmed(orderId), 1, CONFIRMED_AT);
        assertThat(changeSince(before)).containsExactlyInAnyOrderEntriesOf(Map.of("CONFIRMED", 1L));

        projection.on(new OrderShipped(orderId), 2, SHIPPED_AT);
        assertThat(changeSince(before)).containsExactlyInAnyOrderEntriesOf(Map.of("SHIPPED", 1L));
        projection.on(new OrderShipped(orderId), 2, SHIPPED_AT);
        assertThat(changeSince(before)).containsExactlyInAnyOrderEntriesOf(Map.of("SHIPPED", 1L));
    }

    @Test
    void statusCountsMoveOnceFromPlacedToCancelled() {
        Map<String, Long> before = statusCounts();
        projection.on(placed(orderId), 0, PLACED_AT);

        projection.on(new OrderCancelled(orderId, "duplicate"), 1, CANCELLED_AT);
        projection.on(new OrderCancelled(orderId, "duplicate"), 1, CANCELLED_AT);

        assertThat(changeSince(before)).containsExactlyInAnyOrderEntriesOf(Map.of("CANCELLED", 1L));
    }

    @Test
    void aTransitionOfAnOrderNeverPlacedWritesNothing() {
        Map<String, Long> before = statusCounts();

        projection.on(new OrderConfirmed(orderId), 1, CONFIRMED_AT);

        assertThat(database.rows("SELECT * FROM read.orders WHERE order_id = ?", orderId.value())).isEmpty();
        assertThat(changeSince(before)).isEmpty();
    }

    private static OrderPlaced placed(OrderId orderId) {
        List<OrderLine> lines = List.of(
                new OrderLine(new Sku("SKU-A"), 2, new Money(1999, "EUR")),
                new OrderLine(new Sku("SKU-B"), 1, new Money(450, "EUR")));
        return new OrderPlaced(orderId, new CustomerId("customer-7"), lines, new Money(2 * 1999 + 450, "EUR"));
    }

    private Map<String, Object> order() {
        return database.row("SELECT * FROM read.orders WHERE order_id = ?", orderId.value());
    }

    private List<Map<String, Object>> lines() {
        return database.rows("""
                SELECT line_no, sku, quantity, unit_price_minor FROM read.order_lines
                WHERE order_id = ? ORDER BY line_no""", orderId.value());
    }

    private static Map<String, Long> statusCounts() {
        Map<String, Long> counts = new HashMap<>();
        database.rows("SELECT status, count(*) AS count FROM read.orders GROUP BY status")
                .forEach(row -> counts.put((String) row.get("status"), (Long) row.get("count")));
        return counts;
    }

    /** Per status, how far its count moved since {@code before}; statuses that did not move are left out. */
    private static Map<String, Long> changeSince(Map<String, Long> before) {
        Map<String, Long> change = new HashMap<>();
        statusCounts().forEach((status, count) -> {
            long delta = count - before.getOrDefault(status, 0L);
            if (delta != 0) {
                change.put(status, delta);
            }
        });
        return change;
    }
}
