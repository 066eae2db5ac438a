package io.ledgerline.projections.sales;

import io.ledgerline.domain.order.OrderCancelled;
import io.ledgerline.domain.order.OrderLine;
import io.ledgerline.domain.order.OrderPlaced;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import io.ledgerline.projections.runtime.ReadModelSql;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Maintains {@code read.daily_sales}: an order adds its lines to the UTC day it was placed, and a
 * cancellation takes them out of that same day. {@code read.sales_orders} remembers what each
 * order contributed, so a replayed event is recognised and applied once.
 */
public class SalesProjection {

    public static final String GROUP = "sales";

    private final ReadModelSql jdbc;

    public SalesProjection(ReadModelSql jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the first generation's tables. */
    public SalesProjection(JdbcClient jdbc) {
        this(new ReadModelSql(jdbc, 1));
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        String orderId = event.orderId().value();
        int inserted = jdbc.sql("""
                        INSERT INTO read.sales_orders (order_id, placed_on, version) VALUES (?, ?, ?)
                        ON CONFLICT (order_id) DO NOTHING""")
                .params(orderId, day, sequence)
                .update();
        if (inserted == 0) {
            return;
        }
        for (OrderLine line : event.lines()) {
            jdbc.sql("""
                            INSERT INTO read.sales_order_lines (order_id, sku, currency, units, revenue_minor)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(orderId, line.sku().value(), line.unitPrice().currency(), line.quantity(),
                            line.lineTotal().minorUnits())
                    .update();
        }
        addToDay(orderId, day, 1);
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long sequence) {
        List<LocalDate> day = jdbc.sql("""
                        UPDATE read.sales_orders SET cancelled = TRUE, version = ?
                        WHERE order_id = ? AND NOT cancelled AND version < ?
                        RETURNING placed_on""")
                .params(sequence, event.orderId().value(), sequence)
                .query(LocalDate.class)
                .list();
        day.forEach(placedOn -> addToDay(event.orderId().value(), placedOn, -1));
    }

    /** Adds (sign 1) or removes (sign -1) one order's lines to or from a day's totals. */
    private void addToDay(String orderId, LocalDate day, int sign) {
        jdbc.sql("""
                        INSERT INTO read.daily_sales (day, sku, currency, orders, units, revenue_minor)
                        SELECT :day, sku, currency, :sign, :sign * units, :sign * revenue_minor
                        FROM read.sales_order_lines WHERE order_id = :order
                        ON CONFLICT (day, sku, currency) DO UPDATE
                        SET orders = read.daily_sales.orders + EXCLUDED.orders,
                            units = read.daily_sales.units + EXCLUDED.units,
                            revenue_minor = read.daily_sales.revenue_minor + EXCLUDED.revenue_minor""")
                .param("day", day)
                .param("sign", sign)
                .param("order", orderId)
                .update();
    }
}
