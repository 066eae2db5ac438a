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
@Tag(name = "Payments", description = "Payments as the read model shows them: amounts authorized, captured and refunded")
@AllowedRoles(value = {Callers.CLIENT, Callers.REPORTER},
        note = "a client sees only its own customer's payments; another customer's payment is 404")
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

    @Operation(operationId = "getPayment", summary = "Read one payment",
            description = "One payment. For a declined payment `authorized` is zero and the requested amount is not "
                    + "shown. JSON only.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The payment; `ETag` is its version",
            content = @Content(examples = @ExampleObject(name = "authorized", value = """
                    {"paymentId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","orderId":"0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11","customerId":"c-1","status":"AUTHORIZED","currency":"EUR","authorized":"39.98","captured":"0.00","refunded":"0.00","paymentMethod":"…sa","createdAt":"2026-11-20T10:15:30.223344Z","updatedAt":"2026-11-20T10:15:30.223344Z","version":0}""")))
    @ApiProblems(ProblemType.NOT_FOUND)
    @GetMapping(path = "/{paymentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PaymentView> get(@Parameter(description = "The payment id", example = "7c9e6679-7425-40de-944b-e07fc1f90ae7")
                                           @PathVariable String paymentId,
                                           @Parameter(description = QueryParameters.MIN_VERSION, example = "0", schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                                           @RequestParam(required = false) Long minVersion, Authentication caller) {
        String scope = Callers.customerScope(caller);
        PaymentView payment = consistency.awaitVersion(ReadModel.PAYMENTS, paymentId,
                        () -> jdbc.sql(SELECT + " WHERE payment_id = ?").param(paymentId).query(VIEW).optional(),
                        PaymentView::version, minVersion)
                .filter(found -> scope == null || scope.equals(found.customerId()))
                .orElseThrow(() -> new NotFoundException("payment", paymentId));
        return ResponseEntity.ok().eTag(Long.toString(payment.version())).body(payment);
    }

    @Operation(operationId = "listPayments", summary = "List payments",
            description = "Payments, one page at a time, filtered and sorted. " + QueryParameters.CSV
                    + " A client gets only its own customer's payments. Find the payment of an automatically fulfilled "
                    + "order with `orderId`.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "One page, or with `Accept: text/csv` every matching payment",
            headers = @Header(name = ApiContract.CONTENT_DISPOSITION, ref = "#/components/headers/" + ApiContract.CONTENT_DISPOSITION),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "page", value = """
                            {"items":[{"paymentId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","orderId":"0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11","customerId":"c-1","status":"AUTHORIZED","currency":"EUR","authorized":"39.98","captured":"0.00","refunded":"0.00","paymentMethod":"…sa","createdAt":"2026-11-20T10:15:30.223344Z","updatedAt":"2026-11-20T10:15:30.223344Z","version":0}]}""")),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = "string"), examples = @ExampleObject(name = "csv", value = """
                            paymentId,orderId,customerId,status,currency,authorized,captured,refunded,declineReason,paymentMethod,createdAt,updatedAt,version
                            7c9e6679-7425-40de-944b-e07fc1f90ae7,0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11,c-1,AUTHORIZED,EUR,39.98,0.00,0.00,,…sa,2026-11-20T10:15:30.223344Z,2026-11-20T10:15:30.223344Z,0
                            """))})
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<PaymentView> list(@Parameter(description = "Exact order id", example = "0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11")
                                  @RequestParam(required = false) String orderId,
                                  @Parameter(description = "`AUTHORIZED`, `DECLINED`, `PARTIALLY_CAPTURED`, `CAPTURED`, "
                                          + "`PARTIALLY_REFUNDED`, `REFUNDED` or `VOIDED` (any case)", example = "AUTHORIZED")
                                  @RequestParam(required = false) String status,
                                  @Parameter(description = QueryParameters.FROM_INSTANT, example = "2026-11-20")
                                  @RequestParam(required = false) String createdFrom,
                                  @Parameter(description = QueryParameters.TO_INSTANT, example = "2026-11-21")
                                  @RequestParam(required = false) String createdTo,
                                  @Parameter(description = QueryParameters.SORT + "`createdAt`, `updatedAt`; default "
                                          + "`-createdAt`", example = "-createdAt") @RequestParam(required = false) String sort,
                                  @Parameter(description = QueryParameters.CURSOR) @RequestParam(required = false) String cursor,
                                  @Parameter(description = QueryParameters.LIMIT, example = "20", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "200"))
                                  @RequestParam(required = false) Integer limit,
                                  @Parameter(description = QueryParameters.MIN_POSITION, example = "5321", schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                                  @RequestParam(required = false) Long minPosition, Authentication caller) {
        int size = paging.request(limit).limit();
        SqlFilter filter = filter(orderId, status, createdFrom, createdTo, Callers.customerScope(caller));
        Sort order = sort(sort);
        consistency.awaitPosition(ReadModel.PAYMENTS.processingGroup(), minPosition);
        return listing.page(filter, order, cursor, size);
    }

    @Hidden // documented with list: the same operation, as text/csv
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
