package io.ledgerline.query.order;

import io.ledgerline.domain.order.OrderStatus;
import io.ledgerline.query.order.OrderViews.Line;
import io.ledgerline.query.order.OrderViews.OrderDetail;
import io.ledgerline.query.order.OrderViews.OrderSummary;
import io.ledgerline.query.web.Amounts;
import io.ledgerline.query.web.Listing;
import io.ledgerline.query.web.Page;
import io.ledgerline.query.web.Sort;
import io.ledgerline.query.web.SqlFilter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** SQL over {@code read.orders} and {@code read.order_lines}. */
@Repository
public class OrderQueries {

    public static final Map<String, Sort.Column> SORTS = Map.of(
            "placedAt", new Sort.Column("placed_at", "TIMESTAMPTZ"),
            "updatedAt", new Sort.Column("updated_at", "TIMESTAMPTZ"),
            "total", new Sort.Column("total_minor", "BIGINT"));

    private static final String COLUMNS = """
            order_id, customer_id, status, currency, total_minor, line_count, cancel_reason, placed_at,
            confirmed_at, shipped_at, cancelled_at, updated_at, version""";

    private final JdbcClient jdbc;
    private final Listing<OrderSummary> listing;

    public OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new Listing<>(jdbc, "SELECT " + COLUMNS + " FROM read.orders o", "order_id", SUMMARY);
    }

    /** The filters of the order list; null means "any". */
    public record Filter(OrderStatus status, String customerId, Instant placedFrom, Instant placedTo, String sku) {

        SqlFilter sql() {
            return new SqlFilter()
                    .add("status = :status", "status", status == null ? null : status.name())
                    .add("customer_id = :customer", "customer", customerId)
                    .add("placed_at >= :from", "from", placedFrom == null ? null : Timestamp.from(placedFrom))
                    .add("placed_at < :to", "to", placedTo == null ? null : Timestamp.from(placedTo))
                    .add("EXISTS (SELECT 1 FROM read.order_lines l WHERE l.order_id = o.order_id AND l.sku = :sku)",
                            "sku", sku);
        }
    }

    public Optional<OrderDetail> find(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM read.orders WHERE order_id = ?")
                .param(orderId)
                .query((rs, row) -> detail(rs, lines(orderId, rs.getString("currency"))))
                .optional();
    }

    public Page<OrderSummary> page(Filter filter, Sort sort, String cursor, int limit) {
        return listing.page(filter.sql(), sort, cursor, limit);
    }

    /** Every matching order, streamed in sort order (for CSV export). */
    public void stream(Filter filter, Sort sort, Consumer<Stream<OrderSummary>> consumer) {
        listing.stream(filter.sql(), sort, consumer);
    }

    private List<Line> lines(String orderId, String currency) {
        return jdbc.sql("SELECT sku, quantity, unit_price_minor FROM read.order_lines WHERE order_id = ? ORDER BY line_no")
                .param(orderId)
                .query((rs, row) -> new Line(rs.getString("sku"), rs.getInt("quantity"),
                        Amounts.format(rs.getLong("unit_price_minor"), currency),
                        Amounts.format(rs.getLong("unit_price_minor") * rs.getInt("quantity"), currency)))
                .list();
    }

    private static final RowMapper<OrderSummary> SUMMARY = (rs, row) -> new OrderSummary(
            rs.getString("order_id"), rs.getString("customer_id"), rs.getString("status"), rs.getString("currency"),
            Amounts.format(rs.getLong("total_minor"), rs.getString("currency")), rs.getInt("line_count"),
            instant(rs, "placed_at"), instant(rs, "updated_at"), rs.getLong("version"));

    private static OrderDetail detail(ResultSet rs, List<Line> lines) throws SQLException {
        String currency = rs.getString("currency");
        return new OrderDetail(rs.getString("order_id"), rs.getString("customer_id"), rs.getString("status"), currency,
                Amounts.format(rs.getLong("total_minor"), currency), lines, rs.getString("cancel_reason"),
                instant(rs, "placed_at"), instant(rs, "confirmed_at"), instant(rs, "shipped_at"),
                instant(rs, "cancelled_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
