package io.ledgerline.projections.sales;

import io.ledgerline.domain.order.OrderCancelled;
import io.ledgerline.domain.order.OrderLine;
import io.ledgerline.domain.order.OrderPlaced;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import io.ledgerline.projections.runtime.ReadModelSql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
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

    /**
     * Remembers the order and its lines, and adds them to the day's totals, in one statement: the
     * lines and totals are written only if the order is new here.
     */
    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        List<OrderLine> lines = event.lines();
        String[] skus = new String[lines.size()];
        String[] currencies = new String[lines.size()];
        int[] units = new int[lines.size()];
        long[] revenues = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            skus[i] = lines.get(i).sku().value();
            currencies[i] = lines.get(i).unitPrice().currency();
            units[i] = lines.get(i).quantity();
            revenues[i] = lines.get(i).lineTotal().minorUnits();
        }
        jdbc.write(event.orderId().value(), """
                        WITH placed AS (
                            INSERT INTO read.sales_orders (order_id, placed_on, version) VALUES (:order, :day, :version)
                            ON CONFLICT (order_id) DO NOTHING
                            RETURNING order_id, placed_on),
                        lines AS (
                            INSERT INTO read.sales_order_lines (order_id, sku, currency, units, revenue_minor)
                            SELECT placed.order_id, line.sku, line.currency, line.units, line.revenue
                            FROM placed, unnest(CAST(:skus AS text[]), CAST(:currencies AS text[]),
                                                CAST(:units AS integer[]), CAST(:revenues AS bigint[]))
                                         AS line(sku, currency, units, revenue)
                            RETURNING sku, currency, units, revenue_minor)
                        INSERT INTO read.daily_sales AS total (day, sku, currency, orders, units, revenue_minor)
                        SELECT placed.placed_on, lines.sku, lines.currency, 1, lines.units, lines.revenue_minor
                        FROM placed, lines
                        ON CONFLICT (day, sku, currency) DO UPDATE
                        SET orders = total.orders + EXCLUDED.orders,
                            units = total.units + EXCLUDED.units,
                            revenue_minor = total.revenue_minor + EXCLUDED.revenue_minor""",
                new MapSqlParameterSource()
                        .addValue("order", event.orderId().value())
                        .addValue("day", at.atOffset(ZoneOffset.UTC).toLocalDate())
                        .addValue("version", sequence)
                        .addValue("skus", skus)
                        .addValue("currencies", currencies)
                        .addValue("units", units)
                        .addValue("revenues", revenues));
    }

    /** Takes a cancelled order's lines out of the day it was placed on, once. */
    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long sequence) {
        jdbc.write(event.orderId().value(), """
                        WITH cancelled AS (
                            UPDATE read.sales_orders SET cancelled = TRUE, version = :version
                            WHERE order_id = :order AND NOT cancelled AND version < :version
                            RETURNING order_id, placed_on)
                        INSERT INTO read.daily_sales AS total (day, sku, currency, orders, units, revenue_minor)
                        SELECT cancelled.placed_on, line.sku, line.currency, -1, -line.units, -line.revenue_minor
                        FROM cancelled JOIN read.sales_order_lines line ON line.order_id = cancelled.order_id
                        ON CONFLICT (day, sku, currency) DO UPDATE
                        SET orders = total.orders + EXCLUDED.orders,
                            units = total.units + EXCLUDED.units,
                            revenue_minor = total.revenue_minor + EXCLUDED.revenue_minor""",
                new MapSqlParameterSource()
                        .addValue("order", event.orderId().value())
                        .addValue("version", sequence));
    }
}
