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
import io.ledgerline.infrastructure.openapi.AllowedRoles;
import io.ledgerline.infrastructure.openapi.ApiProblems;
import io.ledgerline.infrastructure.security.Callers;
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
@Tag(name = "Inventory", description = "Products and their stock: register, receive, reserve for orders, release, ship, adjust")
public class InventoryController {

    private static final String WRITTEN = """
            {"sku":"LAMP-1","version":1,"position":5321}""";
    private static final String NOT_REGISTERED = "A command on a SKU that was never registered gets 404 `not-found`; "
            + "a malformed SKU in the path gets 400 `invalid-value`.";

    private final CommandGateway commands;
    private final WritePositions positions;

    public InventoryController(CommandGateway commands, WritePositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    @Operation(operationId = "registerProduct", summary = "Register a product",
            description = "Creates the inventory item with zero stock. The unit price is for information only; orders "
                    + "carry their own prices.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "lamp", value = """
            {"sku":"LAMP-1","name":"Desk lamp","unitPrice":"19.99","currency":"EUR"}""")))
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "Registered at version 0; `Location` is its stock on the query side",
            content = @Content(examples = @ExampleObject(name = "registered", value = """
                    {"sku":"LAMP-1","version":0,"position":5320}""")))
    @ApiProblems(ProblemType.ALREADY_EXISTS)
    @AllowedRoles(Callers.MERCHANT)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<InventoryWritten> register(@Valid @RequestBody RegisterProductRequest request) {
        Sku sku = new Sku(request.sku());
        commands.sendAndWait(new RegisterProduct(sku, request.name(), Money.of(request.unitPrice(), request.currency())));
        return Written.created(URI.create("/api/inventory/" + sku),
                new InventoryWritten(sku.value(), 0, positions.of(sku, 0)), 0);
    }

    @Operation(operationId = "receiveStock", summary = "Receive stock",
            description = "Adds `quantity` to the on-hand stock. " + NOT_REGISTERED)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "ten", value = """
            {"quantity":10}""")))
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Received", content = @Content(examples = @ExampleObject(name = "received",
            value = WRITTEN)))
    @ApiProblems(ProblemType.NOT_FOUND)
    @AllowedRoles(Callers.MERCHANT)
    @PostMapping(path = "/{sku}/receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<InventoryWritten> receive(@Parameter(description = "The SKU", example = "LAMP-1") @PathVariable String sku, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                                    @Valid @RequestBody ReceiveStockRequest request) {
        return written(sku, commands.sendAndWait(new ReceiveStock(new Sku(sku), request.quantity(), ExpectedVersion.parse(ifMatch))));
    }

    @Operation(operationId = "reserveStock", summary = "Reserve stock for an order",
            description = "Promises `quantity` of the available stock (on hand minus reserved) to one order. Repeating the "
                    + "same reservation with the same quantity succeeds without appending anything and returns the "
                    + "unchanged version. The command side does not check that the order exists. A client may reserve "
                    + "only for its own orders (another customer's order is 404). " + NOT_REGISTERED)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "two", value = """
            {"orderId":"0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11","quantity":2}""")))
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Reserved (or already reserved with this quantity)",
            content = @Content(examples = @ExampleObject(name = "reserved", value = WRITTEN)))
    @ApiProblems(value = ProblemType.NOT_FOUND, codes = {
            @ApiProblems.Code(code = "insufficient-stock", meaning = "Less stock is available than requested",
                    detail = "Only 8 of LAMP-1 available, 100 requested"),
            @ApiProblems.Code(code = "reservation-already-exists", meaning = "The order already holds a reservation of "
                    + "this SKU with a different quantity",
                    detail = "Order 0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11 already holds a reservation of 2 x LAMP-1")})
    @AllowedRoles(value = {Callers.CLIENT, Callers.MERCHANT}, note = "a client for its own orders only")
    @PostMapping(path = "/{sku}/reservations", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<InventoryWritten> reserve(@Parameter(description = "The SKU", example = "LAMP-1") @PathVariable String sku, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                                    @Valid @RequestBody ReserveStockRequest request) {
        return written(sku, commands.sendAndWait(
                new ReserveStock(new Sku(sku), new OrderId(request.orderId()), request.quantity(),
                        ExpectedVersion.parse(ifMatch))));
    }

    @Operation(operationId = "releaseReservation", summary = "Release an order's reservation",
            description = "Returns the order's reserved quantity of this SKU to the available stock. " + NOT_REGISTERED)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Released", content = @Content(examples = @ExampleObject(name = "released",
            value = WRITTEN)))
    @ApiProblems(value = ProblemType.NOT_FOUND, codes = @ApiProblems.Code(code = "reservation-not-found",
            meaning = "The order holds no reservation of this SKU: never made, already released or already shipped",
            detail = "Order 0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11 holds no reservation of LAMP-1"))
    @AllowedRoles(value = {Callers.CLIENT, Callers.MERCHANT}, note = "a client for its own orders only")
    @PostMapping("/{sku}/reservations/{orderId}/release")
    public ResponseEntity<InventoryWritten> release(@Parameter(description = "The SKU", example = "LAMP-1") @PathVariable String sku,
                                                    @Parameter(description = "The order holding the reservation",
                                                            example = "0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11") @PathVariable String orderId,
                                                    @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch) {
        return written(sku, commands.sendAndWait(new ReleaseReservation(new Sku(sku), new OrderId(orderId),
                ExpectedVersion.parse(ifMatch))));
    }

    @Operation(operationId = "shipReservation", summary = "Ship an order's reservation",
            description = "Takes the order's reserved quantity out of both on-hand and reserved stock. " + NOT_REGISTERED)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Shipped", content = @Content(examples = @ExampleObject(name = "shipped",
            value = WRITTEN)))
    @ApiProblems(value = ProblemType.NOT_FOUND, codes = @ApiProblems.Code(code = "reservation-not-found",
            meaning = "The order holds no reservation of this SKU: never made, already released or already shipped",
            detail = "Order 0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11 holds no reservation of LAMP-1"))
    @AllowedRoles(value = {Callers.CLIENT, Callers.MERCHANT}, note = "a client for its own orders only")
    @PostMapping("/{sku}/reservations/{orderId}/ship")
    public ResponseEntity<InventoryWritten> ship(@Parameter(description = "The SKU", example = "LAMP-1") @PathVariable String sku,
                                                 @Parameter(description = "The order holding the reservation",
                                                         example = "0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11") @PathVariable String orderId,
                                                 @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch) {
        return written(sku, commands.sendAndWait(new ShipReservation(new Sku(sku), new OrderId(orderId),
                ExpectedVersion.parse(ifMatch))));
    }

    @Operation(operationId = "adjustStock", summary = "Correct on-hand stock",
            description = "Changes on-hand stock by `delta` (not 0), for example after a stock take or a loss. "
                    + NOT_REGISTERED)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "loss", value = """
            {"delta":-1,"reason":"broken in the warehouse"}""")))
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Adjusted", content = @Content(examples = @ExampleObject(name = "adjusted",
            value = WRITTEN)))
    @ApiProblems(value = ProblemType.NOT_FOUND, codes = @ApiProblems.Code(code = "insufficient-stock",
            meaning = "The result would be less than the reserved quantity", detail = "Only 2 of LAMP-1 available, 3 requested"))
    @AllowedRoles(Callers.MERCHANT)
    @PostMapping(path = "/{sku}/adjustments", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<InventoryWritten> adjust(@Parameter(description = "The SKU", example = "LAMP-1") @PathVariable String sku, @RequestHeader(name = ExpectedVersion.HEADER, required = false) String ifMatch,
                                                   @Valid @RequestBody AdjustStockRequest request) {
        return written(sku, commands.sendAndWait(new AdjustStock(new Sku(sku), request.delta(), request.reason(),
                ExpectedVersion.parse(ifMatch))));
    }

    private ResponseEntity<InventoryWritten> written(String sku, Long version) {
        return Written.ok(new InventoryWritten(sku, version, positions.of(sku, version)), version);
    }
}
