package io.ledgerline.domain.inventory;

import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderOwners;
import io.ledgerline.domain.shared.CustomerScope;
import io.ledgerline.domain.shared.InvalidValueException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * The stock of one SKU. Invariant: available (on hand minus reserved) is never below zero,
 * and each order holds at most one reservation of this SKU.
 * Command handlers return the aggregate version reached, so clients learn where their write landed.
 */
public class InventoryItem {

    @AggregateIdentifier
    private Sku sku;
    private int onHand;
    private final Map<OrderId, Integer> reservations = new HashMap<>();

    protected InventoryItem() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public InventoryItem(RegisterProduct command) {
        apply(new ProductRegistered(command.sku(), command.name(), command.unitPrice()));
    }

    @CommandHandler
    public long handle(ReceiveStock command) {
        apply(new StockReceived(sku, command.quantity(), checkedSum(onHand, command.quantity()), reserved()));
        return getVersion();
    }

    @CommandHandler
    public long handle(ReserveStock command, OrderOwners orders,
                       @MetaDataValue(value = CustomerScope.KEY, required = false) String scope) {
        CustomerScope.requireOwnOrder(scope, orders, command.orderId());
        Integer existing = reservations.get(command.orderId());
        if (existing != null) {
            if (existing == command.quantity()) {
                return getVersion(); // a redelivered reservation: already done, nothing to add
            }
            throw new ReservationAlreadyExists(sku, command.orderId(), existing);
        }
        if (command.quantity() > available()) {
            throw new InsufficientStock(sku, command.quantity(), available());
        }
        apply(new StockReserved(sku, command.orderId(), command.quantity(), onHand, reserved() + command.quantity()));
        return getVersion();
    }

    @CommandHandler
    public long handle(ReleaseReservation command, OrderOwners orders,
                       @MetaDataValue(value = CustomerScope.KEY, required = false) String scope) {
        CustomerScope.requireOwnOrder(scope, orders, command.orderId());
        int quantity = reservationOf(command.orderId());
        apply(new ReservationReleased(sku, command.orderId(), quantity, onHand, reserved() - quantity));
        return getVersion();
    }

    @CommandHandler
    public long handle(ShipReservation command, OrderOwners orders,
                       @MetaDataValue(value = CustomerScope.KEY, required = false) String scope) {
        CustomerScope.requireOwnOrder(scope, orders, command.orderId());
        int quantity = reservationOf(command.orderId());
        apply(new ReservedStockShipped(sku, command.orderId(), quantity, onHand - quantity, reserved() - quantity));
        return getVersion();
    }

    @CommandHandler
    public long handle(AdjustStock command) {
        int newOnHand = checkedSum(onHand, command.delta());
        if (newOnHand < reserved()) {
            throw new InsufficientStock(sku, -command.delta(), available());
        }
        apply(new StockAdjusted(sku, command.delta(), command.reason(), newOnHand, reserved()));
        return getVersion();
    }

    private static int checkedSum(int count, int change) {
        try {
            return Math.addExact(count, change);
        } catch (ArithmeticException overflow) {
            throw new InvalidValueException("quantity", "the stock count would exceed " + Integer.MAX_VALUE);
        }
    }

    private int reservationOf(OrderId orderId) {
        Integer quantity = reservations.get(orderId);
        if (quantity == null) {
            throw new ReservationNotFound(sku, orderId);
        }
        return quantity;
    }

    private int reserved() {
        return reservations.values().stream().mapToInt(Integer::intValue).sum();
    }

    private int available() {
        return onHand - reserved();
    }

    @EventSourcingHandler
    void on(ProductRegistered event) {
        sku = event.sku();
    }

    @EventSourcingHandler
    void on(StockReceived event) {
        onHand = event.onHand();
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        reservations.put(event.orderId(), event.quantity());
    }

    @EventSourcingHandler
    void on(ReservationReleased event) {
        reservations.remove(event.orderId());
    }

    @EventSourcingHandler
    void on(ReservedStockShipped event) {
        reservations.remove(event.orderId());
        onHand = event.onHand();
    }

    @EventSourcingHandler
    void on(StockAdjusted event) {
        onHand = event.onHand();
    }
}
