package io.ledgerline.infrastructure.serialization;

import io.ledgerline.domain.inventory.ProductRegistered;
import io.ledgerline.domain.inventory.ReservationReleased;
import io.ledgerline.domain.inventory.ReservedStockShipped;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.inventory.StockAdjusted;
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
import io.ledgerline.domain.payment.PaymentRefunded;
import io.ledgerline.domain.payment.PaymentVoided;
import io.ledgerline.domain.shared.Money;

import java.util.List;

/** One instance of every event type, with fixed values: what {@code stored-events/} holds as stored JSON. */
final class StoredEventSamples {

    private static final Sku SKU = new Sku("LAMP-1");
    private static final OrderId ORDER = new OrderId("0f8e2c4a-5b7d-4e1f-9a3c-2d6b8e0f1a2b");
    private static final PaymentId PAYMENT = new PaymentId("7c1d9e3f-2a4b-4c6d-8e0f-1a2b3c4d5e6f");
    private static final CustomerId CUSTOMER = new CustomerId("c-1");

    private StoredEventSamples() {
    }

    static List<Object> all() {
        Money price = Money.of("19.99", "EUR");
        Money total = Money.of("39.98", "EUR");
        return List.of(
                new ProductRegistered(SKU, "Desk lamp", price),
                new StockReceived(SKU, 10, 10, 0),
                new StockReserved(SKU, ORDER, 2, 10, 2),
                new ReservationReleased(SKU, ORDER, 2, 10, 0),
                new ReservedStockShipped(SKU, ORDER, 2, 8, 0),
                new StockAdjusted(SKU, -1, "counted: one broken", 7, 0),
                new OrderPlaced(ORDER, CUSTOMER, List.of(new OrderLine(SKU, 2, price)), total, "tok_visa"),
                new OrderConfirmed(ORDER),
                new OrderShipped(ORDER),
                new OrderCancelled(ORDER, "payment declined: insufficient funds"),
                new PaymentAuthorized(PAYMENT, ORDER, total, "auth-7c1d9e3f", "…visa", CUSTOMER),
                new PaymentDeclined(PAYMENT, ORDER, total, "insufficient funds", "…line", CUSTOMER),
                new PaymentCaptured(PAYMENT, total, total, "capture-1"),
                new PaymentRefunded(PAYMENT, price, price, "returned"),
                new PaymentVoided(PAYMENT, "order cancelled"),
                new ProductRegistered(new Sku("FREE-1"), "Sample", Money.zero("JPY")));
    }
}
