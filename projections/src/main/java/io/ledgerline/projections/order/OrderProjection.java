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

    /**
     * The order, then each of its lines, as plain inserts that change nothing when replayed: a
     * batch of them becomes a few multi-row inserts (the projections' JDBC connections rewrite
     * batched inserts, {@code reWriteBatchedInserts}).
     */
    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String orderId = event.orderId().value();
        jdbc.write(orderId, """
                        INSERT INTO read.orders (order_id, customer_id, status, currency, total_minor, line_count,
                                                 placed_at, updated_at, version)
                        VALUES (:id, :customer, 'PLACED', :currency, :total, :lines, :at, :at, :version)
                        ON CONFLICT (order_id) DO NOTHING""",
                new MapSqlParameterSource()
                        .addValue("id", orderId)
                        .addValue("customer", event.customerId().value())
                        .addValue("currency", event.total().currency())
                        .addValue("total", event.total().minorUnits())
                        .addValue("lines", event.lines().size())
                        .addValue("at", utc(at))
                        .addValue("version", sequence));
        List<OrderLine> lines = event.lines();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            jdbc.write(orderId, """
                            INSERT INTO read.order_lines (order_id, line_no, sku, quantity, unit_price_minor)
                            VALUES (:id, :line, :sku, :quantity, :price)
                            ON CONFLICT (order_id, line_no) DO NOTHING""",
                    new MapSqlParameterSource()
                            .addValue("id", orderId)
                            .addValue("line", i + 1)
                            .addValue("sku", line.sku().value())
                            .addValue("quantity", line.quantity())
                            .addValue("price", line.unitPrice().minorUnits()));
        }
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
