package io.ledgerline.bench.stockaxon;

import io.ledgerline.domain.inventory.ReceiveStock;
import io.ledgerline.domain.inventory.RegisterProduct;
import io.ledgerline.domain.inventory.ReserveStock;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderLine;
import io.ledgerline.domain.order.PlaceOrder;
import io.ledgerline.domain.payment.AuthorizationOutcome;
import io.ledgerline.domain.payment.AuthorizePayment;
import io.ledgerline.domain.payment.CapturePayment;
import io.ledgerline.domain.payment.PaymentId;
import io.ledgerline.domain.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark's command paths, answered with the fields the load generator reads (ids and the
 * version reached). What a stock Axon app would write first: one command per request through the
 * gateway, no more.
 */
@RestController
public class StockAxonController {

    private final CommandGateway commands;

    public StockAxonController(CommandGateway commands) {
        this.commands = commands;
    }

    record NewProduct(String sku, String name, String unitPrice, String currency) {
    }

    record Quantity(int quantity) {
    }

    record Reservation(String orderId, int quantity) {
    }

    record Line(String sku, int quantity, String unitPrice) {
    }

    record NewOrder(String customerId, String currency, List<Line> lines) {
    }

    record NewPayment(String orderId, String amount, String currency, String paymentMethodToken) {
    }

    record Amount(String amount, String currency) {
    }

    @PostMapping("/api/inventory")
    public ResponseEntity<Map<String, Object>> register(@RequestBody NewProduct product) {
        commands.sendAndWait(new RegisterProduct(new Sku(product.sku()), product.name(),
                Money.of(product.unitPrice(), product.currency())));
        return created(Map.of("sku", product.sku(), "version", 0));
    }

    @PostMapping("/api/inventory/{sku}/receipts")
    public Map<String, Object> receive(@PathVariable String sku, @RequestBody Quantity receipt) {
        long version = commands.sendAndWait(new ReceiveStock(new Sku(sku), receipt.quantity()));
        return Map.of("sku", sku, "version", version);
    }

    @PostMapping("/api/inventory/{sku}/reservations")
    public ResponseEntity<Map<String, Object>> reserve(@PathVariable String sku, @RequestBody Reservation reservation) {
        long version = commands.sendAndWait(new ReserveStock(new Sku(sku), new OrderId(reservation.orderId()),
                reservation.quantity()));
        return created(Map.of("sku", sku, "version", version));
    }

    @PostMapping("/api/orders")
    public ResponseEntity<Map<String, Object>> place(@RequestBody NewOrder order) {
        OrderId orderId = new OrderId(UUID.randomUUID().toString());
        List<OrderLine> lines = order.lines().stream()
                .map(line -> new OrderLine(new Sku(line.sku()), line.quantity(), Money.of(line.unitPrice(), order.currency())))
                .toList();
        commands.sendAndWait(new PlaceOrder(orderId, new CustomerId(order.customerId()), order.currency(), lines));
        return created(Map.of("orderId", orderId.value(), "version", 0));
    }

    @PostMapping("/api/payments")
    public ResponseEntity<Map<String, Object>> authorize(@RequestBody NewPayment payment) {
        PaymentId paymentId = new PaymentId(UUID.randomUUID().toString());
        AuthorizationOutcome outcome = commands.sendAndWait(new AuthorizePayment(paymentId,
                new OrderId(payment.orderId()), Money.of(payment.amount(), payment.currency()),
                payment.paymentMethodToken()));
        return created(Map.of("paymentId", paymentId.value(), "version", outcome.version()));
    }

    @PostMapping("/api/payments/{paymentId}/capture")
    public Map<String, Object> capture(@PathVariable String paymentId, @RequestBody Amount amount) {
        long version = commands.sendAndWait(new CapturePayment(new PaymentId(paymentId),
                Money.of(amount.amount(), amount.currency())));
        return Map.of("paymentId", paymentId, "version", version);
    }

    /** Whatever went wrong: the load generator counts anything but 2xx as a failure. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, Object>> failed(Exception e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", String.valueOf(e.getMessage())));
    }

    private static ResponseEntity<Map<String, Object>> created(Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }
}
