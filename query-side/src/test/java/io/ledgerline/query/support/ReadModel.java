package io.ledgerline.query.support;

import io.ledgerline.domain.inventory.ProductRegistered;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.inventory.StockReceived;
import io.ledgerline.domain.inventory.StockReserved;
import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderCancelled;
import io.ledgerline.domain.order.OrderConfirmed;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderLine;
import io.ledgerline.domain.order.OrderPlaced;
import io.ledgerline.domain.order.OrderShipped;
import io.ledgerline.domain.payment.PaymentAuthorized;
import io.ledgerline.domain.payment.PaymentCaptured;
import io.ledgerline.domain.payment.PaymentDeclined;
import io.ledgerline.domain.payment.PaymentId;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.projections.inventory.InventoryProjectionHandlers;
import io.ledgerline.projections.order.OrderProjectionHandlers;
import io.ledgerline.projections.payment.PaymentProjectionHandlers;
import io.ledgerline.projections.sales.SalesProjectionHandlers;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fills the read tables the way the projections process does: domain events go through the real
 * projection handlers, with per-aggregate sequence numbers, so rows have their production shape.
 */
public final class ReadModel {

    private final OrderProjectionHandlers orders;
    private final SalesProjectionHandlers sales;
    private final PaymentProjectionHandlers payments;
    private final InventoryProjectionHandlers inventory;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final Map<String, int[]> stock = new HashMap<>();

    public ReadModel(JdbcClient writer) {
        this.orders = new OrderProjectionHandlers(writer);
        this.sales = new SalesProjectionHandlers(writer);
        this.payments = new PaymentProjectionHandlers(writer);
        this.inventory = new InventoryProjectionHandlers(writer);
    }

    /** A unique id with a readable prefix, so tests sharing the database never see each other's rows. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static OrderLine line(String sku, int quantity, String unitPrice, String currency) {
        return new OrderLine(new Sku(sku), quantity, Money.of(unitPrice, currency));
    }

    /** Places an order with a generated id; returns the id. */
    public String placeOrder(String customerId, Instant at, OrderLine... lines) {
        return placeOrder(UUID.randomUUID().toString(), customerId, at, lines);
    }

    public String placeOrder(String orderId, String customerId, Instant at, OrderLine... lines) {
        List<OrderLine> all = Arrays.asList(lines);
        Money total = all.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
        orderEvent(orderId, new OrderPlaced(new OrderId(orderId), new CustomerId(customerId), all, total), at);
        return orderId;
    }

    public void confirm(String orderId, Instant at) {
        orderEvent(orderId, new OrderConfirmed(new OrderId(orderId)), at);
    }

    public void ship(String orderId, Instant at) {
        orderEvent(orderId, new OrderShipped(new OrderId(orderId)), at);
    }

    public void cancel(String orderId, String reason, Instant at) {
        orderEvent(orderId, new OrderCancelled(new OrderId(orderId), reason), at);
    }

    /** Authorizes a payment with a generated id; returns the id. */
    public String authorize(String orderId, Money amount, String paymentMethod, Instant at) {
        return authorize(UUID.randomUUID().toString(), orderId, amount, paymentMethod, at);
    }

    public String authorize(String paymentId, String orderId, Money amount, String paymentMethod, Instant at) {
        paymentEvent(paymentId, new PaymentAuthorized(new PaymentId(paymentId), new OrderId(orderId), amount,
                "auth-" + paymentId, paymentMethod), at);
        return paymentId;
    }

    public String decline(String orderId, Money amount, String reason, String paymentMethod, Instant at) {
        String paymentId = UUID.randomUUID().toString();
        paymentEvent(paymentId, new PaymentDeclined(new PaymentId(paymentId), new OrderId(orderId), amount, reason,
                paymentMethod), at);
        return paymentId;
    }

    public void capture(String paymentId, Money amount, Money capturedTotal, Instant at) {
        paymentEvent(paymentId, new PaymentCaptured(new PaymentId(paymentId), amount, capturedTotal), at);
    }

    public void registerProduct(String sku, String name, Money unitPrice, Instant at) {
        stock.put(sku, new int[2]);
        inventoryEvent(sku, new ProductRegistered(new Sku(sku), name, unitPrice), at);
    }

    public void receiveStock(String sku, int quantity, Instant at) {
        int[] counts = stock.get(sku);
        counts[0] += quantity;
        inventoryEvent(sku, new StockReceived(new Sku(sku), quantity, counts[0], counts[1]), at);
    }

    public void reserveStock(String sku, String orderId, int quantity, Instant at) {
        int[] counts = stock.get(sku);
        counts[1] += quantity;
        inventoryEvent(sku, new StockReserved(new Sku(sku), new OrderId(orderId), quantity, counts[0], counts[1]), at);
    }

    private void orderEvent(String orderId, Object event, Instant at) {
        long sequence = sequence(orderId);
        // Both processing groups see every order event, as in the projections process.
        orders.apply(event, sequence, at);
        sales.apply(event, sequence, at);
    }

    private void paymentEvent(String paymentId, Object event, Instant at) {
        payments.apply(event, sequence(paymentId), at);
    }

    private void inventoryEvent(String sku, Object event, Instant at) {
        inventory.apply(event, sequence(sku), at);
    }

    private long sequence(String aggregateId) {
        return nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
    }
}
