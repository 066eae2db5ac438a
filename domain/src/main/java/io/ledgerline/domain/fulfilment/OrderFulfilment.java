package io.ledgerline.domain.fulfilment;

import io.ledgerline.domain.inventory.ReleaseReservation;
import io.ledgerline.domain.inventory.ReserveStock;
import io.ledgerline.domain.inventory.ShipReservation;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.order.CancelOrder;
import io.ledgerline.domain.order.ConfirmOrder;
import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderCancelled;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderLine;
import io.ledgerline.domain.order.OrderPlaced;
import io.ledgerline.domain.order.OrderShipped;
import io.ledgerline.domain.payment.AuthorizePayment;
import io.ledgerline.domain.payment.CapturePayment;
import io.ledgerline.domain.payment.PaymentAuthorized;
import io.ledgerline.domain.payment.PaymentDeclined;
import io.ledgerline.domain.payment.PaymentId;
import io.ledgerline.domain.payment.VoidPayment;
import io.ledgerline.domain.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Fulfils an order placed with a payment-method token: reserves the stock of every line, then
 * asks for payment of the total, then confirms the order; shipping the order ships the reserved
 * stock and captures the payment. Every failure ends in a cancelled order with all reservations
 * released and any authorization voided (docs/fulfilment.md).
 * <p>
 * Steps the process takes itself are sent and awaited inside its own transaction, so it knows
 * their outcome before it records its state. Every command it sends is safe to send twice.
 */
public class OrderFulfilment {

    static final String PAYMENT_TIMEOUT = "payment-timeout";
    private static final Logger log = LoggerFactory.getLogger(OrderFulfilment.class);

    private OrderId orderId;
    private Money total;
    private String paymentMethodToken;
    private CustomerId customerId;
    private final List<Sku> reserved = new ArrayList<>();
    private PaymentId paymentId;
    private boolean paymentAuthorized;
    private boolean paymentDeclined;
    private String paymentDeadline;
    private FulfilmentStage stage;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderPlaced event, CommandGateway commands, DeadlineManager deadlines, FulfilmentSettings settings) {
        if (!event.fulfilledAutomatically()) {
            SagaLifecycle.end(); // the client drives this order itself
            return;
        }
        orderId = event.orderId();
        total = event.total();
        paymentMethodToken = event.paymentMethodToken();
        customerId = event.customerId();
        for (OrderLine line : event.lines()) {
            try {
                commands.sendAndWait(new ReserveStock(line.sku(), orderId, line.quantity()));
                reserved.add(line.sku());
            } catch (RuntimeException refused) {
                giveUp(commands, "Stock of " + line.sku() + " could not be reserved: " + refused.getMessage());
                return;
            }
        }
        requestPayment(commands, deadlines, settings);
    }

    private void requestPayment(CommandGateway commands, DeadlineManager deadlines, FulfilmentSettings settings) {
        paymentId = PaymentId.generate();
        SagaLifecycle.associateWith("paymentId", paymentId.value());
        stage = FulfilmentStage.AWAITING_PAYMENT;
        paymentDeadline = deadlines.schedule(settings.paymentTimeout(), PAYMENT_TIMEOUT, new PaymentDeadline(orderId));
        OrderId order = orderId;
        commands.send(new AuthorizePayment(paymentId, orderId, total, paymentMethodToken, customerId))
                .exceptionally(failure -> {
                    // No outcome event will come: cancel, and let the cancellation compensate.
                    commands.send(new CancelOrder(order, "Payment could not be requested: " + failure.getMessage()));
                    return null;
                });
        paymentMethodToken = null; // no longer needed; keep it no longer than necessary
    }

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentAuthorized event, CommandGateway commands, DeadlineManager deadlines) {
        paymentAuthorized = true;
        cancelPaymentDeadline(deadlines);
        if (stage == FulfilmentStage.COMPENSATING) {
            voidPayment(commands, "Order was cancelled before payment was authorized");
            SagaLifecycle.end();
            return;
        }
        stage = FulfilmentStage.CONFIRMED;
        attempt(() -> commands.sendAndWait(new ConfirmOrder(orderId)));
    }

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentDeclined event, CommandGateway commands, DeadlineManager deadlines) {
        paymentDeclined = true;
        cancelPaymentDeadline(deadlines);
        if (stage == FulfilmentStage.COMPENSATING) {
            SagaLifecycle.end();
            return;
        }
        giveUp(commands, "Payment declined: " + event.reason());
    }

    @DeadlineHandler(deadlineName = PAYMENT_TIMEOUT)
    void on(PaymentDeadline deadline, CommandGateway commands) {
        paymentDeadline = null;
        if (stage == FulfilmentStage.COMPENSATING) {
            log.warn("Order {}: no payment outcome arrived after cancellation; payment {} needs a manual check",
                    orderId, paymentId);
            SagaLifecycle.end();
            return;
        }
        attempt(() -> commands.sendAndWait(new CancelOrder(orderId, "No payment outcome in time")));
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderCancelled event, CommandGateway commands, DeadlineManager deadlines, FulfilmentSettings settings) {
        releaseReservations(commands);
        if (paymentAuthorized) {
            voidPayment(commands, "Order cancelled: " + event.reason());
        } else if (stage == FulfilmentStage.AWAITING_PAYMENT && !paymentDeclined) {
            // The authorization may still succeed; stay to void it, but not forever.
            stage = FulfilmentStage.COMPENSATING;
            cancelPaymentDeadline(deadlines);
            paymentDeadline = deadlines.schedule(settings.paymentTimeout(), PAYMENT_TIMEOUT, new PaymentDeadline(orderId));
            return;
        }
        cancelPaymentDeadline(deadlines);
        SagaLifecycle.end();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderShipped event, CommandGateway commands, DeadlineManager deadlines) {
        cancelPaymentDeadline(deadlines);
        for (Sku sku : reserved) {
            attempt(() -> commands.sendAndWait(new ShipReservation(sku, orderId)));
        }
        if (paymentAuthorized) {
            attempt(() -> commands.sendAndWait(
                    new CapturePayment(paymentId, total, null, "fulfilment-" + orderId)));
        }
    }

    /** Cancels the order; its cancellation event then releases what was reserved. */
    private void giveUp(CommandGateway commands, String reason) {
        paymentMethodToken = null;
        attempt(() -> commands.sendAndWait(new CancelOrder(orderId, reason)));
    }

    private void releaseReservations(CommandGateway commands) {
        for (Sku sku : reserved) {
            attempt(() -> commands.sendAndWait(new ReleaseReservation(sku, orderId)));
        }
        reserved.clear();
    }

    private void voidPayment(CommandGateway commands, String reason) {
        attempt(() -> commands.sendAndWait(new VoidPayment(paymentId, reason)));
    }

    private void cancelPaymentDeadline(DeadlineManager deadlines) {
        if (paymentDeadline != null) {
            deadlines.cancelSchedule(PAYMENT_TIMEOUT, paymentDeadline);
            paymentDeadline = null;
        }
    }

    /**
     * Sends a step whose refusal means it is done already or no longer needed (a reservation
     * released twice, an order already cancelled). The refusal is logged, not retried.
     */
    private void attempt(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException refused) {
            log.info("Order {}: a fulfilment step was refused: {}", orderId, refused.getMessage());
        }
    }
}
