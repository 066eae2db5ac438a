package io.ledgerline.command.inventory;

import io.ledgerline.command.inventory.InventoryRequests.AdjustStockRequest;
import io.ledgerline.command.inventory.InventoryRequests.InventoryWritten;
import io.ledgerline.command.inventory.InventoryRequests.ReceiveStockRequest;
import io.ledgerline.command.inventory.InventoryRequests.RegisterProductRequest;
import io.ledgerline.command.inventory.InventoryRequests.ReserveStockRequest;
import io.ledgerline.command.web.ExpectedVersion;
import io.ledgerline.command.web.WritePositions;
import io.ledgerline.command.web.Written;
import io.ledgerline.domain.inventory.AdjustStock;
import io.ledgerline.domain.inventory.ReceiveStock;
import io.ledgerline.domain.inventory.RegisterProduct;
import io.ledgerline.domain.inventory.ReleaseReservation;
import io.ledgerline.domain.inventory.ReserveStock;
import io.ledgerline.domain.inventory.ShipReservation;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.Money;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Commands on the stock of one SKU. */
@RestController
@RequestMapping(path = "/api/inventory", produces = MediaType.APPLICATION_JSON_VALUE)
public class InventoryController {

    private final CommandGateway commands;
    private final WritePositions positions;

    public InventoryController(CommandGateway commands, WritePositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<InventoryWritten> register(@Valid @RequestBody RegisterProductRequest request) {
        Sku sku = new Sku(request.sku());
        commands.sendAndWait(new RegisterProduct(sku, request.name(), Money.of(request.unitPrice(), request.currency())));
        return Written.created(URI.create("/api/inventory/" + sku),
                new InventoryWritten(sku.value(), 0, positions.of(sku, 0)), 0);
    }

    @PostMapping(path = "/{sku}/receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<InventoryWritten> receive(@PathVariable String sku, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                                    @Valid @RequestBody ReceiveStockRequest request) {
        return written(sku, commands.sendAndWait(new ReceiveStock(new Sku(sku), request.quantity(), ExpectedVersion.parse(ifMatch))));
    }

    @PostMapping(path = "/{sku}/reservations", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<InventoryWritten> reserve(@PathVariable String sku, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                                    @Valid @RequestBody ReserveStockRequest request) {
        return written(sku, commands.sendAndWait(
                new ReserveStock(new Sku(sku), new OrderId(request.orderId()), request.quantity(),
                        ExpectedVersion.parse(ifMatch))));
    }

    @PostMapping("/{sku}/reservations/{orderId}/release")
    public ResponseEntity<InventoryWritten> release(@PathVariable String sku, @PathVariable String orderId,
                                                    @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch) {
        return written(sku, commands.sendAndWait(new ReleaseReservation(new Sku(sku), new OrderId(orderId),
                ExpectedVersion.parse(ifMatch))));
    }

    @PostMapping("/{sku}/reservations/{orderId}/ship")
    public ResponseEntity<InventoryWritten> ship(@PathVariable String sku, @PathVariable String orderId,
                                                 @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch) {
        return written(sku, commands.sendAndWait(new ShipReservation(new Sku(sku), new OrderId(orderId),
                ExpectedVersion.parse(ifMatch))));
    }

    @PostMapping(path = "/{sku}/adjustments", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<InventoryWritten> adjust(@PathVariable String sku, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                                   @Valid @RequestBody AdjustStockRequest request) {
        return written(sku, commands.sendAndWait(new AdjustStock(new Sku(sku), request.delta(), request.reason(),
                ExpectedVersion.parse(ifMatch))));
    }

    private ResponseEntity<InventoryWritten> written(String sku, Long version) {
        return Written.ok(new InventoryWritten(sku, version, positions.of(sku, version)), version);
    }
}
