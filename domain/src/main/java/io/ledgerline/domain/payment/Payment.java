package io.ledgerline.domain.payment;

import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderOwners;
import io.ledgerline.domain.shared.CustomerScope;
import io.ledgerline.domain.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static io.ledgerline.domain.payment.PaymentStatus.AUTHORIZED;
import static io.ledgerline.domain.payment.PaymentStatus.CAPTURED;
import static io.ledgerline.domain.payment.PaymentStatus.DECLINED;
import static io.ledgerline.domain.payment.PaymentStatus.PARTIALLY_CAPTURED;
import static io.ledgerline.domain.payment.PaymentStatus.PARTIALLY_REFUNDED;
import static io.ledgerline.domain.payment.PaymentStatus.VOIDED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A payment for one order. The provider is asked first and the outcome recorded after, so an
 * event always reflects what the provider did. Captures never exceed the authorization and
 * refunds never exceed the captures.
 */
public class Payment {

    @AggregateIdentifier
    private PaymentId paymentId;
    private String authorizationReference;
    private Money authorized;
    private Money captured;
    private Money refunded;
    private PaymentStatus status;
    private CustomerId customerId;
    private final Set<String> captureIds = new HashSet<>();

    protected Payment() {
        // for Axon's event sourcing
    }

    /** Creates the payment whatever the provider answers, so that a decline is on record too. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public AuthorizationOutcome handle(AuthorizePayment command, PaymentGateway gateway, OrderOwners orders) {
        // before the provider is asked: a client may pay only for its own customer's order
        CustomerScope.requireOwnOrder(command.customerId() == null ? null : command.customerId().value(), orders,
                command.orderId());
        PaymentGateway.Authorization outcome =
                gateway.authorize(command.paymentId(), command.amount(), command.paymentMethodToken());
        String method = mask(command.paymentMethodToken());
        if (outcome.approved()) {
            apply(new PaymentAuthorized(command.paymentId(), command.orderId(), command.amount(),
                    outcome.reference(), method, command.customerId()));
        } else {
            apply(new PaymentDeclined(command.paymentId(), command.orderId(), command.amount(),
                    outcome.declineReason(), method, command.customerId()));
        }
        return new AuthorizationOutcome(command.paymentId(), status, outcome.declineReason(), getVersion());
    }

    @CommandHandler
    public long handle(CapturePayment command, PaymentGateway gateway, @MetaDataValue(value = CustomerScope.KEY, required = false) String scope) {
        CustomerScope.requireVisible(scope, customerId, paymentId);
        if (command.captureId() != null && captureIds.contains(command.captureId())) {
            return getVersion(); // a redelivered capture: it happened already
        }
        requireStatus(EnumSet.of(AUTHORIZED, PARTIALLY_CAPTURED), "captured");
        authorized.requireSameCurrency(command.amount());
        Money remaining = authorized.minus(captured);
        if (command.amount().isGreaterThan(remaining)) {
            throw new CaptureExceedsAuthorized(command.amount(), remaining);
        }
        gateway.capture(paymentId, authorizationReference, command.amount());
        apply(new PaymentCaptured(paymentId, command.amount(), captured.plus(command.amount()), command.captureId()));
        return getVersion();
    }

    @CommandHandler
    public long handle(RefundPayment command, PaymentGateway gateway, @MetaDataValue(value = CustomerScope.KEY, required = false) String scope) {
        CustomerScope.requireVisible(scope, customerId, paymentId);
        requireStatus(EnumSet.of(PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED), "refunded");
        captured.requireSameCurrency(command.amount());
        Money refundable = captured.minus(refunded);
        if (command.amount().isGreaterThan(refundable)) {
            throw new RefundExceedsCaptured(command.amount(), refundable);
        }
        gateway.refund(paymentId, authorizationReference, command.amount());
        apply(new PaymentRefunded(paymentId, command.amount(), refunded.plus(command.amount()), command.reason()));
        return getVersion();
    }

    @CommandHandler
    public long handle(VoidPayment command, PaymentGateway gateway, @MetaDataValue(value = CustomerScope.KEY, required = false) String scope) {
        CustomerScope.requireVisible(scope, customerId, paymentId);
        requireStatus(EnumSet.of(AUTHORIZED), "voided");
        gateway.voidAuthorization(paymentId, authorizationReference);
        apply(new PaymentVoided(paymentId, command.reason()));
        return getVersion();
    }

    private void requireStatus(EnumSet<PaymentStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new PaymentStateConflict(paymentId, status, action);
        }
    }

    /** Keeps only enough of the token to tell payment methods apart in a support conversation. */
    static String mask(String token) {
        int visible = Math.min(4, token.length() / 4);
        return "…" + token.substring(token.length() - visible);
    }

    @EventSourcingHandler
    void on(PaymentAuthorized event) {
        paymentId = event.paymentId();
        customerId = event.customerId();
        authorizationReference = event.authorizationReference();
        authorized = event.amount();
        captured = Money.zero(event.amount().currency());
        refunded = captured;
        status = AUTHORIZED;
    }

    @EventSourcingHandler
    void on(PaymentDeclined event) {
        paymentId = event.paymentId();
        customerId = event.customerId();
        status = DECLINED;
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        captured = event.capturedTotal();
        if (event.captureId() != null) {
            captureIds.add(event.captureId());
        }
        status = PaymentStatus.of(authorized, captured, refunded);
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        refunded = event.refundedTotal();
        status = PaymentStatus.of(authorized, captured, refunded);
    }

    @EventSourcingHandler
    void on(PaymentVoided event) {
        status = VOIDED;
    }
}
