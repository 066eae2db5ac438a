package io.ledgerline.query.report;

import io.ledgerline.domain.order.OrderStatus;
import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.query.report.ReportViews.DailySales;
import io.ledgerline.query.report.ReportViews.Report;
import io.ledgerline.query.report.ReportViews.SkuSales;
import io.ledgerline.query.report.ReportViews.StatusCount;
import io.ledgerline.query.web.Amounts;
import io.ledgerline.query.web.Consistency;
import io.ledgerline.query.web.Csv;
import io.ledgerline.query.web.ReadModel;
import io.ledgerline.query.web.Filters;
import io.ledgerline.infrastructure.openapi.AllowedRoles;
import io.ledgerline.infrastructure.openapi.ApiContract;
import io.ledgerline.infrastructure.security.Callers;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sales reports over an inclusive range of UTC days (at most 366), as JSON or, with
 * {@code Accept: text/csv}, as CSV. Sales are net booked sales: orders count on the day they were
 * placed and drop out again if cancelled.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "Net booked sales per day and per SKU, and orders per status, as JSON or CSV")
@AllowedRoles(Callers.REPORTER)
public class ReportController {

    private static final String SALES = " Net booked sales: an order counts on the UTC day it was placed, whatever its "
            + "status now, and drops out again if cancelled; payments do not change them. Each currency has its own rows. "
            + "With `Accept: text/csv`, the rows as CSV (without `from` and `to`).";

    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final Consistency consistency;

    public ReportController(JdbcClient jdbc, Consistency consistency) {
        this.jdbc = jdbc;
        this.consistency = consistency;
    }

    @Operation(operationId = "dailySales", summary = "Daily sales per SKU",
            description = "One row per day, SKU and currency with sales, ordered by day, SKU and currency; days without "
                    + "sales have no row." + SALES)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The report", headers = @Header(name = ApiContract.CONTENT_DISPOSITION, ref = "#/components/headers/" + ApiContract.CONTENT_DISPOSITION),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "one-day", value = """
                            {"from":"2026-11-20","to":"2026-11-20","rows":[{"day":"2026-11-20","sku":"LAMP-1",\
                            "currency":"EUR","orders":1,"units":2,"revenue":"39.98"}]}""")),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = "string"), examples = @ExampleObject(name = "csv", value = """
                            day,sku,currency,orders,units,revenue
                            2026-11-20,LAMP-1,EUR,1,2,39.98
                            """))})
    @GetMapping(path = "/daily-sales", produces = MediaType.APPLICATION_JSON_VALUE)
    public Report<DailySales> dailySales(@Parameter(description = "The first UTC day, inclusive (years 1 to 9999); required", required = true, example = "2026-11-20",
                                                 schema = @Schema(type = "string", format = "date"))
                                         @RequestParam(required = false) String from,
                                         @Parameter(description = "The last UTC day, inclusive; required, not before `from`, at most 366 days after it",
                                                 required = true, example = "2026-11-20", schema = @Schema(type = "string", format = "date"))
                                         @RequestParam(required = false) String to,
                                         @Parameter(description = "Only this exact SKU", example = "LAMP-1")
                                         @RequestParam(required = false) String sku,
                                         @Parameter(description = "Only this currency: three capital letters", example = "EUR",
                                                 schema = @Schema(type = "string", pattern = "^[A-Z]{3}$"))
                                         @RequestParam(required = false) String currency,
                                         @Parameter(description = QueryParameters.MIN_POSITION, example = "5321", schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                                         @RequestParam(required = false) Long minPosition) {
        Range range = Range.of(from, to);
        consistency.awaitPosition(ReadModel.SALES.processingGroup(), minPosition);
        return new Report<>(range.from(), range.to(), daily(range, sku, currency));
    }

    @Hidden // documented with dailySales: the same operation, as text/csv
    @GetMapping(path = "/daily-sales", produces = Csv.MEDIA_TYPE)
    public void dailySalesCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String sku, @RequestParam(required = false) String currency,
                              @RequestParam(required = false) Long minPosition, HttpServletResponse response) throws IOException {
        consistency.awaitPosition(ReadModel.SALES.processingGroup(), minPosition);
        List<DailySales> rows = daily(Range.of(from, to), sku, currency);
        Csv.write(response, "daily-sales", DailySales.class, consumer -> consumer.accept(rows.stream()));
    }

    @Operation(operationId = "salesBySku", summary = "Sales per SKU over a range of days",
            description = "One row per SKU and currency, summed over the range, ordered by revenue (highest first), then "
                    + "SKU and currency." + SALES)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The report", headers = @Header(name = ApiContract.CONTENT_DISPOSITION, ref = "#/components/headers/" + ApiContract.CONTENT_DISPOSITION),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "november", value = """
                            {"from":"2026-11-01","to":"2026-11-30","rows":[{"sku":"LAMP-1","currency":"EUR",\
                            "orders":3,"units":5,"revenue":"99.95"}]}""")),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = "string"), examples = @ExampleObject(name = "csv", value = """
                            sku,currency,orders,units,revenue
                            LAMP-1,EUR,3,5,99.95
                            """))})
    @GetMapping(path = "/sales-by-sku", produces = MediaType.APPLICATION_JSON_VALUE)
    public Report<SkuSales> salesBySku(@Parameter(description = "The first UTC day, inclusive (years 1 to 9999); required", required = true, example = "2026-11-20",
                                                 schema = @Schema(type = "string", format = "date"))
                                       @RequestParam(required = false) String from,
                                       @Parameter(description = "The last UTC day, inclusive; required, not before `from`, at most 366 days after it",
                                                 required = true, example = "2026-11-20", schema = @Schema(type = "string", format = "date"))
                                       @RequestParam(required = false) String to,
                                       @Parameter(description = "Only this currency: three capital letters", example = "EUR",
                                                 schema = @Schema(type = "string", pattern = "^[A-Z]{3}$"))
                                       @RequestParam(required = false) String currency,
                                       @Parameter(description = QueryParameters.MIN_POSITION, example = "5321", schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                                       @RequestParam(required = false) Long minPosition) {
        Range range = Range.of(from, to);
        consistency.awaitPosition(ReadModel.SALES.processingGroup(), minPosition);
        return new Report<>(range.from(), range.to(), bySku(range, currency));
    }

    @Hidden // documented with salesBySku: the same operation, as text/csv
    @GetMapping(path = "/sales-by-sku", produces = Csv.MEDIA_TYPE)
    public void salesBySkuCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String currency,
                              @RequestParam(required = false) Long minPosition, HttpServletResponse response) throws IOException {
        consistency.awaitPosition(ReadModel.SALES.processingGroup(), minPosition);
        List<SkuSales> rows = bySku(Range.of(from, to), currency);
        Csv.write(response, "sales-by-sku", SkuSales.class, consumer -> consumer.accept(rows.stream()));
    }

    @Operation(operationId = "orderStatus", summary = "Orders per status",
            description = "The current number of orders in each status, zero included, in the order `PLACED`, "
                    + "`CONFIRMED`, `SHIPPED`, `CANCELLED`. With `Accept: text/csv`, as CSV.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "A count per status", headers = @Header(name = ApiContract.CONTENT_DISPOSITION, ref = "#/components/headers/" + ApiContract.CONTENT_DISPOSITION),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "counts", value = """
                            [{"status":"PLACED","count":3},{"status":"CONFIRMED","count":1},{"status":"SHIPPED","count":0},\
                            {"status":"CANCELLED","count":1}]""")),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = "string"), examples = @ExampleObject(name = "csv", value = """
                            status,count
                            PLACED,3
                            CONFIRMED,1
                            SHIPPED,0
                            CANCELLED,1
                            """))})
    @GetMapping(path = "/order-status", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<StatusCount> orderStatus(@Parameter(description = QueryParameters.MIN_POSITION, example = "5321", schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                                         @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(ReadModel.ORDERS.processingGroup(), minPosition);
        return statusCounts();
    }

    @Hidden // documented with orderStatus: the same operation, as text/csv
    @GetMapping(path = "/order-status", produces = Csv.MEDIA_TYPE)
    public void orderStatusCsv(@RequestParam(required = false) Long minPosition, HttpServletResponse response)
            throws IOException {
        consistency.awaitPosition(ReadModel.ORDERS.processingGroup(), minPosition);
        List<StatusCount> rows = statusCounts();
        Csv.write(response, "order-status", StatusCount.class, consumer -> consumer.accept(rows.stream()));
    }

    private List<DailySales> daily(Range range, String sku, String currency) {
        return jdbc.sql("""
                        SELECT day, sku, currency, orders, units, revenue_minor FROM read.daily_sales
                        WHERE day BETWEEN :from AND :to AND (CAST(:sku AS VARCHAR) IS NULL OR sku = :sku)
                          AND (CAST(:currency AS VARCHAR) IS NULL OR currency = :currency)
                        ORDER BY day, sku, currency""")
                .param("from", range.from()).param("to", range.to())
                .param("sku", Filters.text(sku, "sku")).param("currency", currency(currency))
                .query((rs, row) -> new DailySales(rs.getObject("day", LocalDate.class), rs.getString("sku"),
                        rs.getString("currency"), rs.getLong("orders"), rs.getLong("units"),
                        Amounts.format(rs.getLong("revenue_minor"), rs.getString("currency"))))
                .list();
    }

    private List<SkuSales> bySku(Range range, String currency) {
        return jdbc.sql("""
                        SELECT sku, currency, SUM(orders) AS orders, SUM(units) AS units, SUM(revenue_minor) AS revenue_minor
                        FROM read.daily_sales
                        WHERE day BETWEEN :from AND :to AND (CAST(:currency AS VARCHAR) IS NULL OR currency = :currency)
                        GROUP BY sku, currency ORDER BY SUM(revenue_minor) DESC, sku, currency""")
                .param("from", range.from()).param("to", range.to()).param("currency", currency(currency))
                .query((rs, row) -> new SkuSales(rs.getString("sku"), rs.getString("currency"), rs.getLong("orders"),
                        rs.getLong("units"), Amounts.format(rs.getLong("revenue_minor"), rs.getString("currency"))))
                .list();
    }

    private List<StatusCount> statusCounts() {
        Map<String, Long> counts = jdbc.sql("SELECT status, count(*) AS count FROM read.orders GROUP BY status")
                .query((rs, row) -> Map.entry(rs.getString("status"), rs.getLong("count")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return Arrays.stream(OrderStatus.values())
                .map(status -> new StatusCount(status.name(), counts.getOrDefault(status.name(), 0L)))
                .toList();
    }

    private static String currency(String currency) {
        String code = Filters.text(currency, "currency");
        if (code != null && !code.matches("[A-Z]{3}")) {
            throw new InvalidValueException("currency", "currency must be an ISO-4217 code such as EUR");
        }
        return code;
    }

    /** An inclusive range of days, both ends required, from not after to, at most {@value #MAX_DAYS} days. */
    record Range(LocalDate from, LocalDate to) {

        static Range of(String from, String to) {
            Range range = new Range(Filters.date(from, "from"), Filters.date(to, "to"));
            if (range.to.isBefore(range.from)) {
                throw new InvalidValueException("to", "to must not be before from");
            }
            if (ChronoUnit.DAYS.between(range.from, range.to) >= MAX_DAYS) {
                throw new InvalidValueException("to", "a report covers at most " + MAX_DAYS + " days");
            }
            return range;
        }
    }
}
