package io.ledgerline.query.order;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/** The shapes in which orders are served; amounts are decimal strings in the order currency. */
public final class OrderViews {

    private OrderViews() {
    }

    /** One order in a list (and one CSV row); {@code version} is the last event applied to it. */
    @JsonPropertyOrder({"orderId", "customerId", "status", "currency", "total", "lineCount", "placedAt", "updatedAt", "version"})
    public record OrderSummary(String orderId, String customerId, String status, String currency, String total,
                               int lineCount, Instant placedAt, Instant updatedAt, long version) {
    }

    /** One order in full. */
    public record OrderDetail(String orderId, String customerId, String status, String currency, String total,
                              List<Line> lines, String cancelReason, Instant placedAt, Instant confirmedAt,
                              Instant shippedAt, Instant cancelledAt, Instant updatedAt, long version) {
    }

    /** One line of an order. */
    public record Line(String sku, int quantity, String unitPrice, String lineTotal) {
    }
}
