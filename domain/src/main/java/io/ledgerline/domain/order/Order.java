package io.ledgerline.domain.order;

import io.ledgerline.domain.shared.CustomerScope;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.EnumSet;
import java.util.Set;

import static io.ledgerline.domain.order.OrderStatus.CANCELLED;
import static io.ledgerline.domain.order.OrderStatus.CONFIRMED;
import static io.ledgerline.domain.order.OrderStatus.PLACED;
import static io.ledgerline.domain.order.OrderStatus.SHIPPED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** An order as a state machine; each step is allowed only from the statuses named in its handler. */
public class Order {

    @AggregateIdentifier
    private OrderId orderId;
    private OrderStatus status;
    private CustomerId customerId;

    protected Order() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Order(PlaceOrder command) {
        apply(new OrderPlaced(command.orderId(), command.customerId(), command.lines(), command.total(),
                command.paymentMethodToken()));
    }

    @CommandHandler
    public long handle(ConfirmOrder command, @MetaDataValue(value = CustomerScope.KEY, required = false) String scope) {
        CustomerScope.requireVisible(scope, customerId, orderId);
        requireStatus(EnumSet.of(PLACED), "confirmed");
        apply(new OrderConfirmed(orderId));
        return getVersion();
    }

    @CommandHandler
    public long handle(CancelOrder command, @MetaDataValue(value = CustomerScope.KEY, required = false) String scope) {
        CustomerScope.requireVisible(scope, customerId, orderId);
        requireStatus(EnumSet.of(PLACED, CONFIRMED), "cancelled");
        apply(new OrderCancelled(orderId, command.reason()));
        return getVersion();
    }

    @CommandHandler
    public long handle(ShipOrder command, @MetaDataValue(value = CustomerScope.KEY, required = false) String scope) {
        CustomerScope.requireVisible(scope, customerId, orderId);
        requireStatus(EnumSet.of(CONFIRMED), "shipped");
        apply(new OrderShipped(orderId));
        return getVersion();
    }

    private void requireStatus(Set<OrderStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new OrderStateConflict(orderId, status, action);
        }
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        customerId = event.customerId();
        status = PLACED;
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderShipped event) {
        status = SHIPPED;
    }
}
