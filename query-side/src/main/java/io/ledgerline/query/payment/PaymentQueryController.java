package io.ledgerline.query.payment;

import io.ledgerline.domain.payment.PaymentStatus;
import io.ledgerline.query.web.Amounts;
import io.ledgerline.query.web.Consistency;
import io.ledgerline.query.web.Csv;
import io.ledgerline.query.web.ReadModel;
import io.ledgerline.query.web.Filters;
import io.ledgerline.query.web.Listing;
import io.ledgerline.query.web.NotFoundException;
import io.ledgerline.query.web.Page;
import io.ledgerline.query.web.Paging;
import io.ledgerline.query.web.Sort;
import io.ledgerline.query.web.SqlFilter;
import io.ledgerline.infrastructure.security.Callers;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.Map;

/** Payments for reporting tools: one by id, or lists filtered by order, status and creation time. */
@RestController
@RequestMapping("/api/payments")
public class PaymentQueryController {

    private static final Map<String, Sort.Column> SORTS = Map.of(
            "createdAt", new Sort.Column("created_at", "TIMESTAMPTZ"),
            "updatedAt", new Sort.Column("updated_at", "TIMESTAMPTZ"));
    private static final RowMapper<PaymentView> VIEW = (rs, row) -> {
        String currency = rs.getString("currency");
        return new PaymentView(rs.getString("payment_id"), rs.getString("order_id"), rs.getString("customer_id"),
                rs.getString("status"), currency,
                Amounts.format(rs.getLong("authorized_minor"), currency),
                Amounts.format(rs.getLong("captured_minor"), currency),
                Amounts.format(rs.getLong("refunded_minor"), currency), rs.getString("decline_reason"),
                rs.getString("payment_method"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    };
    private static final String SELECT = "SELECT * FROM read.payments p";

    private final JdbcClient jdbc;
    private final Listing<PaymentView> listing;
    private final Paging paging;
    private final Consistency consistency;

    public PaymentQueryController(JdbcClient jdbc, Paging paging, Consistency consistency) {
        this.consistency = consistency;
        this.jdbc = jdbc;
        this.paging = paging;
        this.listing = new Listing<>(jdbc, SELECT, "payment_id", VIEW);
    }

    @GetMapping(path = "/{paymentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PaymentView> get(@PathVariable String paymentId,
                                           @RequestParam(required = false) Long minVersion, Authentication caller) {
        String scope = Callers.customerScope(caller);
        PaymentView payment = consistency.awaitVersion(ReadModel.PAYMENTS, paymentId,
                        () -> jdbc.sql(SELECT + " WHERE payment_id = ?").param(paymentId).query(VIEW).optional(),
                        PaymentView::version, minVersion)
                .filter(found -> scope == null || scope.equals(found.customerId()))
                .orElseThrow(() -> new NotFoundException("payment", paymentId));
        return ResponseEntity.ok().eTag(Long.toString(payment.version())).body(payment);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<PaymentView> list(@RequestParam(required = false) String orderId,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String createdFrom,
                                  @RequestParam(required = false) String createdTo,
                                  @RequestParam(required = false) String sort,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) Long minPosition, Authentication caller) {
        int size = paging.request(limit).limit();
        SqlFilter filter = filter(orderId, status, createdFrom, createdTo, Callers.customerScope(caller));
        Sort order = sort(sort);
        consistency.awaitPosition(ReadModel.PAYMENTS.processingGroup(), minPosition);
        return listing.page(filter, order, cursor, size);
    }

    @GetMapping(produces = Csv.MEDIA_TYPE)
    @Transactional(readOnly = true)
    public void export(@RequestParam(required = false) String orderId,
                       @RequestParam(required = false) String status,
                       @RequestParam(required = false) String createdFrom,
                       @RequestParam(required = false) String createdTo,
                       @RequestParam(required = false) String sort,
                       @RequestParam(required = false) Long minPosition, Authentication caller,
                       HttpServletResponse response) throws IOException {
        SqlFilter filter = filter(orderId, status, createdFrom, createdTo, Callers.customerScope(caller));
        Sort order = sort(sort);
        consistency.awaitPosition(ReadModel.PAYMENTS.processingGroup(), minPosition);
        Csv.write(response, "payments", PaymentView.class, rows -> listing.stream(filter, order, rows));
    }

    /** The list filters; a customer-scoped caller sees only its own payments, whatever it asks for. */
    private static SqlFilter filter(String orderId, String status, String createdFrom, String createdTo, String scope) {
        PaymentStatus paymentStatus = Filters.enumValue(PaymentStatus.class, status, "status");
        var from = Filters.instant(createdFrom, "createdFrom");
        var to = Filters.instant(createdTo, "createdTo");
        return new SqlFilter()
                .add("order_id = :order", "order", Filters.text(orderId, "orderId"))
                .add("status = :status", "status", paymentStatus == null ? null : paymentStatus.name())
                .add("created_at >= :from", "from", from == null ? null : Timestamp.from(from))
                .add("created_at < :to", "to", to == null ? null : Timestamp.from(to))
                .add("customer_id = :scope", "scope", scope);
    }

    private static Sort sort(String sort) {
        return Sort.parse(sort, SORTS, "-createdAt");
    }
}
