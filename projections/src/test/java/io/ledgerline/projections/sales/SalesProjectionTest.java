package io.ledgerline.projections.sales;

import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderCancelled;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderLine;
import io.ledgerline.domain.order.OrderPlaced;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.ledgerline.projections.support.ReadModelDatabase.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SalesProjectionTest {

    private static final LocalDate MONDAY = LocalDate.parse("2025-03-10");
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
    private static final DayTotals NOTHING = new DayTotals(0, 0, 0);

    private static ReadModelDatabase database;
    private SalesProjection projection;
    private String skuX;
    private String skuY;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.migrated();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void newSkus() {
        projection = new SalesProjection(database.jdbc());
        skuX = unique("X");
        skuY = unique("Y");
    }

    @Test
    void ordersPlacedOnTheSameUtcDayAddUpPerSku() {
        projection.on(order(line(skuX, 2, 500, "EUR"), line(skuY, 1, 300, "EUR")), 0,
                Instant.parse("2025-03-10T00:00:00Z"));
        projection.on(order(line(skuX, 3, 500, "EUR")), 0, Instant.parse("2025-03-10T23:59:59Z"));

        assertThat(totals(MONDAY, skuX, "EUR")).isEqualTo(new DayTotals(2, 5, 2500));
        assertThat(totals(MONDAY, skuY, "EUR")).isEqualTo(new DayTotals(1, 1, 300));
        assertThat(daysWith(skuX)).containsExactly(MONDAY);
    }

    @Test
    void anOrderPlacedOnAnotherUtcDayLandsInThatDay() {
        projection.on(order(line(skuX, 2, 500, "EUR")), 0, Instant.parse("2025-03-10T23:30:00Z"));
        // Still Monday evening in New York: the day is the UTC one.
        projection.on(order(line(skuX, 7, 500, "EUR")), 0, Instant.parse("2025-03-11T02:00:00Z"));

        assertThat(totals(MONDAY, skuX, "EUR")).isEqualTo(new DayTotals(1, 2, 1000));
        assertThat(totals(TUESDAY, skuX, "EUR")).isEqualTo(new DayTotals(1, 7, 3500));
    }

    @Test
    void theSameSkuInAnotherCurrencyIsCountedSeparately() {
        projection.on(order(line(skuX, 1, 500, "EUR")), 0, Instant.parse("2025-03-10T09:00:00Z"));
        projection.on(order(line(skuX, 2, 700, "USD")), 0, Instant.parse("2025-03-10T10:00:00Z"));

        assertThat(totals(MONDAY, skuX, "EUR")).isEqualTo(new DayTotals(1, 1, 500));
        assertThat(totals(MONDAY, skuX, "USD")).isEqualTo(new DayTotals(1, 2, 1400));
    }

    @Test
    void aReplayedPlacementIsCountedOnce() {
        OrderPlaced placed = order(line(skuX, 4, 250, "EUR"));
        projection.on(placed, 0, Instant.parse("2025-03-10T09:00:00Z"));

        projection.on(placed, 0, Instant.parse("2025-03-10T09:00:00Z"));

        assertThat(totals(MONDAY, skuX, "EUR")).isEqualTo(new DayTotals(1, 4, 1000));
    }

    @Test
    void aCancellationTakesExactlyThatOrderOutOfTheDayItWasPlaced() {
        OrderPlaced kept = order(line(skuX, 2, 500, "EUR"));
        OrderPlaced cancelled = order(line(skuX, 1, 500, "EUR"), line(skuY, 4, 100, "EUR"));
        OrderPlaced nextDay = order(line(skuX, 3, 500, "EUR"));
        projection.on(kept, 0, Instant.parse("2025-03-10T08:00:00Z"));
        projection.on(cancelled, 0, Instant.parse("2025-03-10T09:00:00Z"));
        projection.on(nextDay, 0, Instant.parse("2025-03-11T09:00:00Z"));

        projection.on(new OrderCancelled(cancelled.orderId(), "customer request"), 1);

        assertThat(totals(MONDAY, skuX, "EUR")).isEqualTo(new DayTotals(1, 2, 1000));
        assertThat(totals(MONDAY, skuY, "EUR")).isEqualTo(NOTHING);
        assertThat(totals(TUESDAY, skuX, "EUR")).isEqualTo(new DayTotals(1, 3, 1500));
        assertThat(totals(WEDNESDAY, skuX, "EUR")).isEqualTo(NOTHING);
        assertThat(salesOrder(cancelled.orderId())).contains(
                entry("placed_on", Date.valueOf(MONDAY)),
                entry("cancelled", true),
                entry("version", 1L));
        assertThat(salesOrder(kept.orderId())).containsEntry("cancelled", false);
    }

    @Test
    void aReplayedCancellationChangesNothing() {
        OrderPlaced kept = order(line(skuX, 2, 500, "EUR"));
        OrderPlaced cancelled = order(line(skuX, 1, 500, "EUR"));
        projection.on(kept, 0, Instant.parse("2025-03-10T08:00:00Z"));
        projection.on(cancelled, 0, Instant.parse("2025-03-10T09:00:00Z"));
        projection.on(new OrderCancelled(cancelled.orderId(), "customer request"), 2);
        List<Map<String, Object>> before = dailyRows(skuX);

        projection.on(new OrderCancelled(cancelled.orderId(), "customer request"), 2);

        assertThat(dailyRows(skuX)).isEqualTo(before);
        assertThat(totals(MONDAY, skuX, "EUR")).isEqualTo(new DayTotals(1, 2, 1000));
    }

    @Test
    void replayingThePlacementOfACancelledOrderDoesNotCountItAgain() {
        OrderPlaced cancelled = order(line(skuX, 1, 500, "EUR"));
        projection.on(cancelled, 0, Instant.parse("2025-03-10T09:00:00Z"));
        projection.on(new OrderCancelled(cancelled.orderId(), "customer request"), 1);

        projection.on(cancelled, 0, Instant.parse("2025-03-10T09:00:00Z"));
        projection.on(new OrderCancelled(cancelled.orderId(), "customer request"), 1);

        assertThat(totals(MONDAY, skuX, "EUR")).isEqualTo(NOTHING);
    }

    @Test
    void cancellingAnOrderNeverPlacedChangesNothing() {
        OrderId unknown = new OrderId(unique("order"));

        projection.on(new OrderCancelled(unknown, "customer request"), 1);

        assertThat(database.rows("SELECT * FROM read.sales_orders WHERE order_id = ?", unknown.value())).isEmpty();
    }

    private static OrderPlaced order(OrderLine... lines) {
        Money total = Arrays.stream(lines).map(OrderLine::lineTotal)
                .reduce(Money.zero(lines[0].unitPrice().currency()), Money::plus);
        return new OrderPlaced(new OrderId(unique("order")), new CustomerId("customer-7"), List.of(lines), total);
    }

    private static OrderLine line(String sku, int quantity, long unitPriceMinor, String currency) {
        return new OrderLine(new Sku(sku), quantity, new Money(unitPriceMinor, currency));
    }

    /** A day's totals for one SKU and currency; a day with no row counts as nothing sold. */
    private static DayTotals totals(LocalDate day, String sku, String currency) {
        return database.jdbc().sql("""
                        SELECT orders, units, revenue_minor FROM read.daily_sales
                        WHERE day = ? AND sku = ? AND currency = ?""")
                .params(day, sku, currency)
                .query(DayTotals.class)
                .optional()
                .orElse(NOTHING);
    }

    private static List<LocalDate> daysWith(String sku) {
        return database.jdbc().sql("SELECT day FROM read.daily_sales WHERE sku = ? ORDER BY day")
                .param(sku)
                .query(LocalDate.class)
                .list();
    }

    private static List<Map<String, Object>> dailyRows(String sku) {
        return database.rows("SELECT * FROM read.daily_sales WHERE sku = ? ORDER BY day, currency", sku);
    }

    private static Map<String, Object> salesOrder(OrderId orderId) {
        return database.row("SELECT * FROM read.sales_orders WHERE order_id = ?", orderId.value());
    }

    /** What one day sold of one SKU in one currency. */
    record DayTotals(long orders, long units, long revenueMinor) {
    }
}
