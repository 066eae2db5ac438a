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
public class OrderController {

    private final CommandGateway commands;
    private final WritePositions positions;

    public OrderController(CommandGateway commands, WritePositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

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

    @PostMapping("/{orderId}/confirm")
    public ResponseEntity<OrderWritten> confirm(@PathVariable String orderId, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch) {
        return written(orderId, commands.sendAndWait(new ConfirmOrder(new OrderId(orderId), ExpectedVersion.parse(ifMatch))));
    }

    @PostMapping(path = "/{orderId}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<OrderWritten> cancel(@PathVariable String orderId, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                               @Valid @RequestBody CancelOrderRequest request) {
        return written(orderId, commands.sendAndWait(new CancelOrder(new OrderId(orderId), request.reason(),
                ExpectedVersion.parse(ifMatch))));
    }

    @PostMapping("/{orderId}/ship")
    public ResponseEntity<OrderWritten> ship(@PathVariable String orderId, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch) {
        return written(orderId, commands.sendAndWait(new ShipOrder(new OrderId(orderId), ExpectedVersion.parse(ifMatch))));
    }

    private ResponseEntity<OrderWritten> written(String orderId, Long version) {
        return Written.ok(new OrderWritten(orderId, version, positions.of(orderId, version), null), version);
    }
}
