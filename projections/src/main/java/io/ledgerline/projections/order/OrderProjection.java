package io.ledgerline.projections.order;

import io.ledgerline.domain.order.OrderCancelled;
import io.ledgerline.domain.order.OrderConfirmed;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderLine;
import io.ledgerline.domain.order.OrderPlaced;
import io.ledgerline.domain.order.OrderShipped;
import io.ledgerline.domain.order.OrderStatus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import io.ledgerline.projections.runtime.ReadModelSql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Maintains {@code read.orders} and {@code read.order_lines}. A row is only changed by an event
 * newer than its {@code version}, so replays change nothing.
 */
public class OrderProjection {

    public static final String GROUP = "orders";

    private final ReadModelSql jdbc;

    public OrderProjection(ReadModelSql jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the first generation's tables. */
    public OrderProjection(JdbcClient jdbc) {
        this(new ReadModelSql(jdbc, 1));
    }

    /** The order and its lines in one statement: the lines are written only if the order row is new. */
    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        List<OrderLine> lines = event.lines();
        String[] skus = new String[lines.size()];
        int[] quantities = new int[lines.size()];
        long[] unitPrices = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            skus[i] = lines.get(i).sku().value();
            quantities[i] = lines.get(i).quantity();
            unitPrices[i] = lines.get(i).unitPrice().minorUnits();
        }
        jdbc.write(event.orderId().value(), """
                        WITH placed AS (
                            INSERT INTO read.orders (order_id, customer_id, status, currency, total_minor, line_count,
                                                     placed_at, updated_at, version)
                            VALUES (:id, :customer, 'PLACED', :currency, :total, :lines, :at, :at, :version)
                            ON CONFLICT (order_id) DO NOTHING
                            RETURNING order_id)
                        INSERT INTO read.order_lines (order_id, line_no, sku, quantity, unit_price_minor)
                        SELECT placed.order_id, line.line_no, line.sku, line.quantity, line.unit_price
                        FROM placed, unnest(CAST(:skus AS text[]), CAST(:quantities AS integer[]),
                                            CAST(:prices AS bigint[])) WITH ORDINALITY
                                     AS line(sku, quantity, unit_price, line_no)""",
                new MapSqlParameterSource()
                        .addValue("id", event.orderId().value())
                        .addValue("customer", event.customerId().value())
                        .addValue("currency", event.total().currency())
                        .addValue("total", event.total().minorUnits())
                        .addValue("lines", lines.size())
                        .addValue("at", utc(at))
                        .addValue("version", sequence)
                        .addValue("skus", skus)
                        .addValue("quantities", quantities)
                        .addValue("prices", unitPrices));
    }

    @EventHandler
    void on(OrderConfirmed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        transition(event.orderId(), OrderStatus.CONFIRMED, "confirmed_at", null, sequence, at);
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long sequence, @Timestamp Instant at) {
        transition(event.orderId(), OrderStatus.SHIPPED, "shipped_at", null, sequence, at);
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        transition(event.orderId(), OrderStatus.CANCELLED, "cancelled_at", event.reason(), sequence, at);
    }

    private void transition(OrderId orderId, OrderStatus to, String timestampColumn, String reason, long sequence,
                            Instant at) {
        jdbc.write(orderId.value(), """
                        UPDATE read.orders
                        SET status = :status, %s = :at, updated_at = :at, version = :version,
                            cancel_reason = COALESCE(:reason, cancel_reason)
                        WHERE order_id = :id AND version < :version""".formatted(timestampColumn),
                new MapSqlParameterSource()
                        .addValue("status", to.name())
                        .addValue("at", utc(at))
                        .addValue("version", sequence)
                        .addValue("reason", reason, java.sql.Types.VARCHAR)
                        .addValue("id", orderId.value()));
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
