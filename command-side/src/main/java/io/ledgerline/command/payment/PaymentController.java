package io.ledgerline.command.payment;

import io.ledgerline.command.idempotency.IdempotentIds;
import io.ledgerline.command.payment.PaymentRequests.AuthorizePaymentRequest;
import io.ledgerline.command.payment.PaymentRequests.CapturePaymentRequest;
import io.ledgerline.command.payment.PaymentRequests.PaymentUpdated;
import io.ledgerline.command.payment.PaymentRequests.PaymentWritten;
import io.ledgerline.command.payment.PaymentRequests.RefundPaymentRequest;
import io.ledgerline.command.payment.PaymentRequests.VoidPaymentRequest;
import io.ledgerline.command.web.ExpectedVersion;
import io.ledgerline.command.web.WritePositions;
import io.ledgerline.command.web.Written;
import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.payment.AuthorizationOutcome;
import io.ledgerline.domain.payment.AuthorizePayment;
import io.ledgerline.domain.payment.CapturePayment;
import io.ledgerline.domain.payment.PaymentId;
import io.ledgerline.domain.payment.RefundPayment;
import io.ledgerline.domain.payment.VoidPayment;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.infrastructure.security.Callers;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Commands on payments. An authorization request always creates a payment (201), whether the
 * provider approved it ({@code AUTHORIZED}) or not ({@code DECLINED}, with the reason).
 */
@RestController
@RequestMapping(path = "/api/payments", produces = MediaType.APPLICATION_JSON_VALUE)
public class PaymentController {

    private final CommandGateway commands;
    private final WritePositions positions;

    public PaymentController(CommandGateway commands, WritePositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PaymentWritten> authorize(@Valid @RequestBody AuthorizePaymentRequest request,
                                                    Authentication caller) {
        PaymentId paymentId = new PaymentId(IdempotentIds.newAggregateId());
        String scope = Callers.customerScope(caller);
        AuthorizationOutcome outcome = commands.sendAndWait(new AuthorizePayment(paymentId,
                new OrderId(request.orderId()), Money.of(request.amount(), request.currency()),
                request.paymentMethodToken(), scope == null ? null : new CustomerId(scope)));
        return Written.created(URI.create("/api/payments/" + paymentId),
                new PaymentWritten(paymentId.value(), outcome.status(), outcome.declineReason(), outcome.version(),
                        positions.of(paymentId, outcome.version())),
                outcome.version());
    }

    @PostMapping(path = "/{paymentId}/capture", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PaymentUpdated> capture(@PathVariable String paymentId, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                                  @Valid @RequestBody CapturePaymentRequest request) {
        return written(paymentId, commands.sendAndWait(
                new CapturePayment(new PaymentId(paymentId), Money.of(request.amount(), request.currency()),
                        ExpectedVersion.parse(ifMatch))));
    }

    @PostMapping(path = "/{paymentId}/refund", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PaymentUpdated> refund(@PathVariable String paymentId, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                                 @Valid @RequestBody RefundPaymentRequest request) {
        return written(paymentId, commands.sendAndWait(new RefundPayment(new PaymentId(paymentId),
                Money.of(request.amount(), request.currency()), request.reason(), ExpectedVersion.parse(ifMatch))));
    }

    @PostMapping("/{paymentId}/void")
    public ResponseEntity<PaymentUpdated> voidAuthorization(@PathVariable String paymentId, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                                            @Valid @RequestBody(required = false) VoidPaymentRequest request) {
        String reason = request == null ? null : request.reason();
        return written(paymentId, commands.sendAndWait(new VoidPayment(new PaymentId(paymentId), reason, ExpectedVersion.parse(ifMatch))));
    }

    private ResponseEntity<PaymentUpdated> written(String paymentId, Long version) {
        return Written.ok(new PaymentUpdated(paymentId, version, positions.of(paymentId, version)), version);
    }
}
