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

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        int inserted = jdbc.sql("""
                        INSERT INTO read.orders (order_id, customer_id, status, currency, total_minor, line_count,
                                                 placed_at, updated_at, version)
                        VALUES (:id, :customer, 'PLACED', :currency, :total, :lines, :at, :at, :version)
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("id", event.orderId().value())
                .param("customer", event.customerId().value())
                .param("currency", event.total().currency())
                .param("total", event.total().minorUnits())
                .param("lines", event.lines().size())
                .param("at", utc(at))
                .param("version", sequence)
                .update();
        if (inserted == 0) {
            return;
        }
        List<OrderLine> lines = event.lines();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            jdbc.sql("""
                            INSERT INTO read.order_lines (order_id, line_no, sku, quantity, unit_price_minor)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(event.orderId().value(), i + 1, line.sku().value(), line.quantity(),
                            line.unitPrice().minorUnits())
                    .update();
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
        jdbc.sql("""
                        UPDATE read.orders
                        SET status = :status, %s = :at, updated_at = :at, version = :version,
                            cancel_reason = COALESCE(:reason, cancel_reason)
                        WHERE order_id = :id AND version < :version""".formatted(timestampColumn))
                .param("status", to.name())
                .param("at", utc(at))
                .param("version", sequence)
                .param("reason", reason)
                .param("id", orderId.value())
                .update();
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
