package io.ledgerline.command.order;

import io.ledgerline.command.idempotency.IdempotentIds;
import io.ledgerline.command.order.OrderRequests.CancelOrderRequest;
import io.ledgerline.command.order.OrderRequests.Fulfilment;
import io.ledgerline.command.order.OrderRequests.OrderWritten;
import io.ledgerline.command.order.OrderRequests.PlaceOrderRequest;
import io.ledgerline.command.web.ExpectedVersion;
import io.ledgerline.command.web.WritePositions;
import io.ledgerline.command.web.Written;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.order.CancelOrder;
import io.ledgerline.domain.order.ConfirmOrder;
import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderLine;
import io.ledgerline.domain.order.PlaceOrder;
import io.ledgerline.domain.order.ShipOrder;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Commands on orders. Placing an order answers with the id the system gave it. */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders", description = "Placing orders and moving them through confirm, ship or cancel (docs/fulfilment.md)")
@AllowedRoles(value = Callers.CLIENT, note = "a client acts for its own customer; another customer's order is 404")
public class OrderController {

    private static final String WRITTEN = """
            {"orderId":"0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11","version":1,"position":5321}""";
    private static final String NOT_FOUND = " An unknown order id gets 404 `not-found`, and so does a client's command on "
            + "another customer's order.";

    private final CommandGateway commands;
    private final WritePositions positions;

    public OrderController(CommandGateway commands, WritePositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    @Operation(operationId = "placeOrder", summary = "Place an order",
            description = "Creates the order (status `PLACED`, version 0) and answers its new id. With `payment`, a "
                    + "process reserves each line's stock, authorizes a payment of the total and confirms the order by "
                    + "itself, after this response; read the outcome on the query side with `minVersion=1` (`CONFIRMED`, "
                    + "or `CANCELLED` with a `cancelReason`). Without `payment`, the client drives each step and the "
                    + "command side checks nothing against the inventory. The total is the sum of quantity times unit "
                    + "price. A client may place orders only for its own `customerId` (otherwise 403 `forbidden`).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
            @ExampleObject(name = "automatic", summary = "Fulfilled automatically", value = """
                    {"customerId":"c-1","currency":"EUR","lines":[{"sku":"LAMP-1","quantity":2,"unitPrice":"19.99"}],                    "payment":{"paymentMethodToken":"tok_visa"}}"""),
            @ExampleObject(name = "manual", summary = "Driven step by step by the client", value = """
                    {"customerId":"c-1","currency":"EUR","lines":[{"sku":"LAMP-1","quantity":1,"unitPrice":"19.99"}]}""")}))
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "Placed at version 0; `Location` is the order on the query side",
            content = @Content(examples = @ExampleObject(name = "placed", value = """
                    {"orderId":"0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11","version":0,"position":5321,"fulfilment":"AUTOMATIC"}""")))
    @ApiProblems(ProblemType.ALREADY_EXISTS)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<OrderWritten> place(@Valid @RequestBody PlaceOrderRequest request, Authentication caller) {
        String scope = Callers.customerScope(caller);
        if (scope != null && !scope.equals(request.customerId())) {
            throw new AccessDeniedException("A client places orders for its own customer id (" + scope + ") only");
        }
        List<OrderLine> lines = request.lines().stream()
                .map(line -> new OrderLine(new Sku(line.sku()), line.quantity(),
                        Money.of(line.unitPrice(), request.currency())))
                .toList();
        OrderId orderId = new OrderId(IdempotentIds.newAggregateId());
        String token = request.payment() == null ? null : request.payment().paymentMethodToken();
        commands.sendAndWait(new PlaceOrder(orderId, new CustomerId(request.customerId()), request.currency(), lines, token));
        OrderWritten written = new OrderWritten(orderId.value(), 0, positions.of(orderId, 0),
                token == null ? Fulfilment.MANUAL : Fulfilment.AUTOMATIC);
        return Written.created(URI.create("/api/orders/" + orderId), written, 0);
    }

    @Operation(operationId = "confirmOrder", summary = "Confirm a placed order",
            description = "Moves a `PLACED` order to `CONFIRMED`. For a manually fulfilled order; the command side does "
                    + "not check that its stock was reserved or its payment authorized." + NOT_FOUND)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Confirmed", content = @Content(examples = @ExampleObject(name = "confirmed",
            value = WRITTEN)))
    @ApiProblems(value = ProblemType.NOT_FOUND, codes = @ApiProblems.Code(code = "order-state-conflict",
            meaning = "The order is not `PLACED`", detail = "Order 0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11 is CANCELLED and cannot be confirmed"))
    @PostMapping("/{orderId}/confirm")
    public ResponseEntity<OrderWritten> confirm(@Parameter(description = "The order id", example = "0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11") @PathVariable String orderId, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch) {
        return written(orderId, commands.sendAndWait(new ConfirmOrder(new OrderId(orderId), ExpectedVersion.parse(ifMatch))));
    }

    @Operation(operationId = "cancelOrder", summary = "Cancel an order",
            description = "Moves a `PLACED` or `CONFIRMED` order to `CANCELLED` with the reason. For an automatically "
                    + "fulfilled order, the process then releases its reservations and voids the authorization." + NOT_FOUND)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "changed-mind", value = """
            {"reason":"customer changed their mind"}""")))
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Cancelled", content = @Content(examples = @ExampleObject(name = "cancelled",
            value = WRITTEN)))
    @ApiProblems(value = ProblemType.NOT_FOUND, codes = @ApiProblems.Code(code = "order-state-conflict",
            meaning = "The order is already `SHIPPED` or `CANCELLED`",
            detail = "Order 0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11 is SHIPPED and cannot be cancelled"))
    @PostMapping(path = "/{orderId}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<OrderWritten> cancel(@Parameter(description = "The order id", example = "0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11") @PathVariable String orderId, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                               @Valid @RequestBody CancelOrderRequest request) {
        return written(orderId, commands.sendAndWait(new CancelOrder(new OrderId(orderId), request.reason(),
                ExpectedVersion.parse(ifMatch))));
    }

    @Operation(operationId = "shipOrder", summary = "Ship a confirmed order",
            description = "Moves a `CONFIRMED` order to `SHIPPED`. For an automatically fulfilled order, the process then "
                    + "ships every reservation and captures the total." + NOT_FOUND)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Shipped", content = @Content(examples = @ExampleObject(name = "shipped",
            value = """
                    {"orderId":"0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11","version":2,"position":5330}""")))
    @ApiProblems(value = ProblemType.NOT_FOUND, codes = @ApiProblems.Code(code = "order-state-conflict",
            meaning = "The order is not `CONFIRMED`", detail = "Order 0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11 is PLACED and cannot be shipped"))
    @PostMapping("/{orderId}/ship")
    public ResponseEntity<OrderWritten> ship(@Parameter(description = "The order id", example = "0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11") @PathVariable String orderId, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch) {
        return written(orderId, commands.sendAndWait(new ShipOrder(new OrderId(orderId), ExpectedVersion.parse(ifMatch))));
    }

    private ResponseEntity<OrderWritten> written(String orderId, Long version) {
        return Written.ok(new OrderWritten(orderId, version, positions.of(orderId, version), null), version);
    }
}
