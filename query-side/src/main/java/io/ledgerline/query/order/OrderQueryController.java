package io.ledgerline.query.order;

import io.ledgerline.domain.order.OrderStatus;
import io.ledgerline.query.order.OrderViews.OrderDetail;
import io.ledgerline.query.order.OrderViews.OrderSummary;
import io.ledgerline.query.web.Consistency;
import io.ledgerline.query.web.Csv;
import io.ledgerline.query.web.ReadModel;
import io.ledgerline.query.web.Filters;
import io.ledgerline.query.web.NotFoundException;
import io.ledgerline.query.web.Page;
import io.ledgerline.query.web.PageRequest;
import io.ledgerline.query.web.Sort;
import io.ledgerline.query.web.Paging;
import io.ledgerline.infrastructure.openapi.AllowedRoles;
import io.ledgerline.infrastructure.openapi.ApiContract;
import io.ledgerline.infrastructure.openapi.ApiProblems;
import io.ledgerline.infrastructure.security.Callers;
import io.ledgerline.infrastructure.web.ProblemType;
import io.ledgerline.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Orders for reporting tools. Lists filter by status, customer, placement time and SKU, sort by
 * placement time, last update or total, and page with opaque cursors; {@code Accept: text/csv}
 * exports every matching order instead of one page.
 */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Orders as the read model shows them: one with its lines, or lists and CSV exports")
@AllowedRoles(value = {Callers.CLIENT, Callers.REPORTER},
        note = "a client sees only its own customer's orders; another customer's order is 404")
public class OrderQueryController {

    private final OrderQueries orders;
    private final Paging paging;
    private final Consistency consistency;

    public OrderQueryController(OrderQueries orders, Paging paging, Consistency consistency) {
        this.orders = orders;
        this.paging = paging;
        this.consistency = consistency;
    }

    @Operation(operationId = "getOrder", summary = "Read one order",
            description = "The order with its lines. Just after a write, pass the version it answered as `minVersion`; "
                    + "without it, a new order can be 404 for a moment. JSON only.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The order; `ETag` is its version", content = @Content(examples = @ExampleObject(
            name = "confirmed", value = """
            {"orderId":"0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11","customerId":"c-1","status":"CONFIRMED","currency":"EUR",            "total":"39.98","lines":[{"sku":"LAMP-1","quantity":2,"unitPrice":"19.99","lineTotal":"39.98"}],            "placedAt":"2026-11-20T10:15:30.123456Z","confirmedAt":"2026-11-20T10:15:30.456789Z",            "updatedAt":"2026-11-20T10:15:30.456789Z","version":1}""")))
    @ApiProblems(ProblemType.NOT_FOUND)
    @GetMapping(path = "/{orderId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<OrderDetail> get(@Parameter(description = "The order id", example = "0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11")
                                           @PathVariable String orderId,
                                           @Parameter(description = QueryParameters.MIN_VERSION, example = "1",
                                                   schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                                           @RequestParam(required = false) Long minVersion, Authentication caller) {
        String scope = Callers.customerScope(caller);
        OrderDetail order = consistency.awaitVersion(ReadModel.ORDERS, orderId, () -> orders.find(orderId), OrderDetail::version, minVersion)
                .filter(found -> scope == null || scope.equals(found.customerId()))
                .orElseThrow(() -> new NotFoundException("order", orderId));
        return ResponseEntity.ok().eTag(Long.toString(order.version())).body(order);
    }

    @Operation(operationId = "listOrders", summary = "List orders",
            description = "Order summaries, one page at a time, filtered and sorted. " + QueryParameters.CSV
                    + " A client gets only its own orders: its `customerId` replaces any other.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "One page, or with `Accept: text/csv` every matching order",
            headers = @Header(name = ApiContract.CONTENT_DISPOSITION, ref = "#/components/headers/" + ApiContract.CONTENT_DISPOSITION),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "page", value = """
                            {"items":[{"orderId":"0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11","customerId":"c-1","status":"CONFIRMED","currency":"EUR","total":"39.98","lineCount":1,"placedAt":"2026-11-20T10:15:30.123456Z","updatedAt":"2026-11-20T10:15:30.456789Z","version":1}],"nextCursor":"b3JkZXJzOjE3MzIxMDAwMDA"}""")),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = "string"), examples = @ExampleObject(name = "csv", value = """
                            orderId,customerId,status,currency,total,lineCount,placedAt,updatedAt,version
                            0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11,c-1,CONFIRMED,EUR,39.98,1,2026-11-20T10:15:30.123456Z,2026-11-20T10:15:30.456789Z,1
                            """))})
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<OrderSummary> list(@Parameter(description = "`PLACED`, `CONFIRMED`, `SHIPPED` or `CANCELLED` (any case)",
                                           example = "CONFIRMED") @RequestParam(required = false) String status,
                                   @Parameter(description = "Exact customer id; for a client always its own", example = "c-1")
                                   @RequestParam(required = false) String customerId,
                                   @Parameter(description = QueryParameters.FROM_INSTANT, example = "2026-11-20")
                                   @RequestParam(required = false) String placedFrom,
                                   @Parameter(description = QueryParameters.TO_INSTANT, example = "2026-11-21")
                                   @RequestParam(required = false) String placedTo,
                                   @Parameter(description = "Only orders with a line for this SKU", example = "LAMP-1")
                                   @RequestParam(required = false) String sku,
                                   @Parameter(description = QueryParameters.SORT + "`placedAt`, `updatedAt`, `total`; default "
                                           + "`-placedAt`", example = "-placedAt") @RequestParam(required = false) String sort,
                                   @Parameter(description = QueryParameters.CURSOR) @RequestParam(required = false) String cursor,
                                   @Parameter(description = QueryParameters.LIMIT, example = "20",
                                           schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "200"))
                                   @RequestParam(required = false) Integer limit,
                                   @Parameter(description = QueryParameters.MIN_POSITION, example = "5321",
                                           schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                                   @RequestParam(required = false) Long minPosition, Authentication caller) {
        PageRequest page = paging.request(limit);
        OrderQueries.Filter filter = filter(status, scoped(customerId, caller), placedFrom, placedTo, sku);
        Sort order = sort(sort);
        consistency.awaitPosition(ReadModel.ORDERS.processingGroup(), minPosition);
        return orders.page(filter, order, cursor, page.limit());
    }

    @Hidden // documented with list: the same operation, as text/csv
    @GetMapping(produces = Csv.MEDIA_TYPE)
    @Transactional(readOnly = true)
    public void export(@RequestParam(required = false) String status,
                       @RequestParam(required = false) String customerId,
                       @RequestParam(required = false) String placedFrom,
                       @RequestParam(required = false) String placedTo,
                       @RequestParam(required = false) String sku,
                       @RequestParam(required = false) String sort,
                       @RequestParam(required = false) Long minPosition, Authentication caller,
                       HttpServletResponse response) throws IOException {
        OrderQueries.Filter filter = filter(status, scoped(customerId, caller), placedFrom, placedTo, sku);
        Sort order = sort(sort);
        consistency.awaitPosition(ReadModel.ORDERS.processingGroup(), minPosition);
        Csv.write(response, "orders", OrderSummary.class, rows -> orders.stream(filter, order, rows));
    }

    private static OrderQueries.Filter filter(String status, String customerId, String placedFrom, String placedTo,
                                              String sku) {
        return new OrderQueries.Filter(Filters.enumValue(OrderStatus.class, status, "status"), Filters.text(customerId, "customerId"),
                Filters.instant(placedFrom, "placedFrom"), Filters.instant(placedTo, "placedTo"), Filters.text(sku, "sku"));
    }

    /** A customer-scoped caller sees only its own orders, whatever customer it asks for. */
    private static String scoped(String customerId, Authentication caller) {
        String scope = Callers.customerScope(caller);
        return scope != null ? scope : customerId;
    }

    private static Sort sort(String sort) {
        return Sort.parse(sort, OrderQueries.SORTS, "-placedAt");
    }
}
