package io.ledgerline.projections.inventory;

import io.ledgerline.domain.inventory.ProductRegistered;
import io.ledgerline.domain.inventory.ReservationReleased;
import io.ledgerline.domain.inventory.ReservedStockShipped;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.inventory.StockAdjusted;
import io.ledgerline.domain.inventory.StockReceived;
import io.ledgerline.domain.inventory.StockReserved;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.ledgerline.projections.support.ReadModelDatabase.timestamp;
import static io.ledgerline.projections.support.ReadModelDatabase.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class InventoryProjectionTest {

    private static final Instant REGISTERED_AT = Instant.parse("2025-03-01T08:00:00Z");
    private static final OrderId ORDER = new OrderId("order-1");

    private static ReadModelDatabase database;
    private InventoryProjection projection;
    private Sku sku;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.migrated();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void newProduct() {
        projection = new InventoryProjection(database.jdbc());
        sku = new Sku(unique("SKU"));
    }

    @Test
    void registeringAProductWritesItWithNoStock() {
        register();

        assertThat(item()).contains(
                entry("name", "Widget"),
                entry("currency", "EUR"),
                entry("unit_price_minor", 1999L),
                entry("on_hand", 0),
                entry("reserved", 0),
                entry("available", 0),
                entry("updated_at", timestamp(REGISTERED_AT)),
                entry("version", 0L));
    }

    @Test
    void eachStockEventSetsTheCountsItCarries() {
        register();

        projection.on(new StockReceived(sku, 50, 50, 0), 1, at(1));
        assertThat(counts()).containsExactly(entry("on_hand", 50), entry("reserved", 0), entry("available", 50));

        projection.on(new StockReserved(sku, ORDER, 8, 50, 8), 2, at(2));
        assertThat(counts()).containsExactly(entry("on_hand", 50), entry("reserved", 8), entry("available", 42));

        projection.on(new ReservationReleased(sku, ORDER, 3, 50, 5), 3, at(3));
        assertThat(counts()).containsExactly(entry("on_hand", 50), entry("reserved", 5), entry("available", 45));

        projection.on(new ReservedStockShipped(sku, ORDER, 5, 45, 0), 4, at(4));
        assertThat(counts()).containsExactly(entry("on_hand", 45), entry("reserved", 0), entry("available", 45));

        projection.on(new StockAdjusted(sku, -2, "breakage", 43, 0), 5, at(5));
        assertThat(item()).contains(
                entry("on_hand", 43),
                entry("reserved", 0),
                entry("available", 43),
                entry("unit_price_minor", 1999L),
                entry("updated_at", timestamp(at(5))),
                entry("version", 5L));
    }

    @Test
    void replayingEveryEventChangesNothing() {
        register();
        projection.on(new StockReceived(sku, 20, 20, 0), 1, at(1));
        projection.on(new StockReserved(sku, ORDER, 6, 20, 6), 2, at(2));
        Map<String, Object> before = item();

        register();
        projection.on(new StockReceived(sku, 20, 20, 0), 1, at(1));
        projection.on(new StockReserved(sku, ORDER, 6, 20, 6), 2, at(2));

        assertThat(item()).isEqualTo(before).containsEntry("available", 14);
    }

    @Test
    void anOlderEventArrivingAfterANewerOneDoesNotOverwriteIt() {
        register();
        projection.on(new StockReceived(sku, 20, 20, 0), 1, at(1));
        projection.on(new StockReserved(sku, ORDER, 6, 20, 6), 2, at(2));

        projection.on(new StockReceived(sku, 20, 20, 0), 1, at(1));

        assertThat(item()).contains(
                entry("on_hand", 20),
                entry("reserved", 6),
                entry("available", 14),
                entry("updated_at", timestamp(at(2))),
                entry("version", 2L));
    }

    @Test
    void aReplayedRegistrationDoesNotResetTheStock() {
        register();
        projection.on(new StockReceived(sku, 20, 20, 0), 1, at(1));

        projection.on(new ProductRegistered(sku, "Renamed widget", new Money(2500, "EUR")), 0, at(9));

        assertThat(item()).contains(
                entry("name", "Widget"),
                entry("unit_price_minor", 1999L),
                entry("on_hand", 20),
                entry("version", 1L));
    }

    @Test
    void stockEventsForAnUnregisteredProductWriteNothing() {
        projection.on(new StockReceived(sku, 20, 20, 0), 1, at(1));

        assertThat(database.rows("SELECT * FROM read.inventory WHERE sku = ?", sku.value())).isEmpty();
    }

    private void register() {
        projection.on(new ProductRegistered(sku, "Widget", new Money(1999, "EUR")), 0, REGISTERED_AT);
    }

    private static Instant at(int hours) {
        return REGISTERED_AT.plusSeconds(3600L * hours);
    }

    private Map<String, Object> item() {
        return database.row("SELECT * FROM read.inventory WHERE sku = ?", sku.value());
    }

    private Map<String, Object> counts() {
        return database.row("SELECT on_hand, reserved, available FROM read.inventory WHERE sku = ?", sku.value());
    }
}
