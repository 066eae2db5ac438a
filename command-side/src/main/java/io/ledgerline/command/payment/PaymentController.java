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
import io.ledgerline.infrastructure.openapi.AllowedRoles;
import io.ledgerline.infrastructure.openapi.ApiProblems;
import io.ledgerline.infrastructure.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Payments", description = "Authorizations, captures, refunds and voids through the payment provider")
@AllowedRoles(value = Callers.CLIENT, note = "a client acts for its own customer; another customer's payment is 404")
public class PaymentController {

    private static final String NOT_FOUND = " An unknown payment id gets 404 `not-found`, and so does a client's command "
            + "on a payment of another customer.";

    private final CommandGateway commands;
    private final WritePositions positions;

    public PaymentController(CommandGateway commands, WritePositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    @Operation(operationId = "authorizePayment", summary = "Authorize a payment",
            description = "Asks the payment provider to hold `amount`. Always creates a payment and answers 201, whether "
                    + "the provider approved (`AUTHORIZED`) or declined (`DECLINED`, with `declineReason`). The command "
                    + "side does not check the order, its owner or its total. A payment a client authorizes belongs to "
                    + "its customer.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "visa", value = """
            {"orderId":"0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11","amount":"39.98","currency":"EUR","paymentMethodToken":"tok_visa"}""")))
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "The payment, authorized or declined; `Location` is the payment on "
            + "the query side", content = @Content(examples = {
            @ExampleObject(name = "authorized", value = """
                    {"paymentId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","status":"AUTHORIZED","version":0,"position":5322}"""),
            @ExampleObject(name = "declined", value = """
                    {"paymentId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","status":"DECLINED",                    "declineReason":"insufficient_funds","version":0,"position":5323}""")}))
    @ApiProblems(ProblemType.ALREADY_EXISTS)
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

    @Operation(operationId = "capturePayment", summary = "Capture an authorized payment",
            description = "Captures `amount` from an `AUTHORIZED` or `PARTIALLY_CAPTURED` payment; all captures together "
                    + "at most the authorized amount." + NOT_FOUND)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "all", value = """
            {"amount":"39.98","currency":"EUR"}""")))
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Captured", content = @Content(examples = @ExampleObject(name = "captured",
            value = """
                    {"paymentId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","version":1,"position":5330}""")))
    @ApiProblems(value = ProblemType.NOT_FOUND, codes = {
            @ApiProblems.Code(code = "capture-exceeds-authorized", meaning = "The capture is larger than what remains "
                    + "of the authorization", detail = "Cannot capture 50.00 EUR: only 39.98 EUR of the authorization remains"),
            @ApiProblems.Code(code = "currency-mismatch", meaning = "The amount is in another currency than the payment's",
                    detail = "Expected an amount in EUR but got USD"),
            @ApiProblems.Code(code = "payment-state-conflict", meaning = "The payment's status does not allow this",
                    detail = "Payment 7c9e6679-7425-40de-944b-e07fc1f90ae7 is DECLINED and cannot be captured"),
            @ApiProblems.Code(code = "payment-provider-refused", meaning = "The payment provider refused it",
                    detail = "The payment provider refused the capture")})
    @PostMapping(path = "/{paymentId}/capture", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PaymentUpdated> capture(@Parameter(description = "The payment id", example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") @PathVariable String paymentId, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                                  @Valid @RequestBody CapturePaymentRequest request) {
        return written(paymentId, commands.sendAndWait(
                new CapturePayment(new PaymentId(paymentId), Money.of(request.amount(), request.currency()),
                        ExpectedVersion.parse(ifMatch))));
    }

    @Operation(operationId = "refundPayment", summary = "Refund a captured payment",
            description = "Refunds `amount` of a `PARTIALLY_CAPTURED`, `CAPTURED` or `PARTIALLY_REFUNDED` payment; all "
                    + "refunds together at most what was captured. After the first refund nothing more can be captured."
                    + NOT_FOUND)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "one-lamp", value = """
            {"amount":"19.99","currency":"EUR","reason":"returned by the customer"}""")))
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Refunded", content = @Content(examples = @ExampleObject(name = "refunded",
            value = """
                    {"paymentId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","version":2,"position":5340}""")))
    @ApiProblems(value = ProblemType.NOT_FOUND, codes = {
            @ApiProblems.Code(code = "refund-exceeds-captured", meaning = "The refund is larger than what was captured "
                    + "and not yet refunded", detail = "Cannot refund 50.00 EUR: only 39.98 EUR is refundable"),
            @ApiProblems.Code(code = "currency-mismatch", meaning = "The amount is in another currency than the payment's",
                    detail = "Expected an amount in EUR but got USD"),
            @ApiProblems.Code(code = "payment-state-conflict", meaning = "The payment's status does not allow this",
                    detail = "Payment 7c9e6679-7425-40de-944b-e07fc1f90ae7 is AUTHORIZED and cannot be refunded"),
            @ApiProblems.Code(code = "payment-provider-refused", meaning = "The payment provider refused it",
                    detail = "The payment provider refused the refund")})
    @PostMapping(path = "/{paymentId}/refund", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PaymentUpdated> refund(@Parameter(description = "The payment id", example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") @PathVariable String paymentId, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                                 @Valid @RequestBody RefundPaymentRequest request) {
        return written(paymentId, commands.sendAndWait(new RefundPayment(new PaymentId(paymentId),
                Money.of(request.amount(), request.currency()), request.reason(), ExpectedVersion.parse(ifMatch))));
    }

    @Operation(operationId = "voidPayment", summary = "Void an authorization",
            description = "Releases the whole authorization of an `AUTHORIZED` payment; it becomes `VOIDED`. The body is "
                    + "optional; with one, send `Content-Type: application/json`." + NOT_FOUND)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(examples = @ExampleObject(
            name = "cancelled", value = """
            {"reason":"order cancelled"}""")))
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Voided", content = @Content(examples = @ExampleObject(name = "voided",
            value = """
                    {"paymentId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","version":1,"position":5331}""")))
    @ApiProblems(value = ProblemType.NOT_FOUND, codes = {
            @ApiProblems.Code(code = "payment-state-conflict", meaning = "The payment's status does not allow this",
                    detail = "Payment 7c9e6679-7425-40de-944b-e07fc1f90ae7 is CAPTURED and cannot be voided"),
            @ApiProblems.Code(code = "payment-provider-refused", meaning = "The payment provider refused it",
                    detail = "The payment provider refused the void")})
    @PostMapping("/{paymentId}/void")
    public ResponseEntity<PaymentUpdated> voidAuthorization(@Parameter(description = "The payment id", example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") @PathVariable String paymentId, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                                            @Valid @RequestBody(required = false) VoidPaymentRequest request) {
        String reason = request == null ? null : request.reason();
        return written(paymentId, commands.sendAndWait(new VoidPayment(new PaymentId(paymentId), reason, ExpectedVersion.parse(ifMatch))));
    }

    private ResponseEntity<PaymentUpdated> written(String paymentId, Long version) {
        return Written.ok(new PaymentUpdated(paymentId, version, positions.of(paymentId, version)), version);
    }
}
