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
import io.ledgerline.infrastructure.security.Callers;
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
public class OrderQueryController {

    private final OrderQueries orders;
    private final Paging paging;
    private final Consistency consistency;

    public OrderQueryController(OrderQueries orders, Paging paging, Consistency consistency) {
        this.orders = orders;
        this.paging = paging;
        this.consistency = consistency;
    }

    @GetMapping(path = "/{orderId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<OrderDetail> get(@PathVariable String orderId,
                                           @RequestParam(required = false) Long minVersion, Authentication caller) {
        String scope = Callers.customerScope(caller);
        OrderDetail order = consistency.awaitVersion(ReadModel.ORDERS, orderId, () -> orders.find(orderId), OrderDetail::version, minVersion)
                .filter(found -> scope == null || scope.equals(found.customerId()))
                .orElseThrow(() -> new NotFoundException("order", orderId));
        return ResponseEntity.ok().eTag(Long.toString(order.version())).body(order);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<OrderSummary> list(@RequestParam(required = false) String status,
                                   @RequestParam(required = false) String customerId,
                                   @RequestParam(required = false) String placedFrom,
                                   @RequestParam(required = false) String placedTo,
                                   @RequestParam(required = false) String sku,
                                   @RequestParam(required = false) String sort,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) Long minPosition, Authentication caller) {
        PageRequest page = paging.request(limit);
        OrderQueries.Filter filter = filter(status, scoped(customerId, caller), placedFrom, placedTo, sku);
        Sort order = sort(sort);
        consistency.awaitPosition(ReadModel.ORDERS.processingGroup(), minPosition);
        return orders.page(filter, order, cursor, page.limit());
    }

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
