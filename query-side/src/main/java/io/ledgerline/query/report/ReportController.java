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
public class ReportController {

    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final Consistency consistency;

    public ReportController(JdbcClient jdbc, Consistency consistency) {
        this.jdbc = jdbc;
        this.consistency = consistency;
    }

    @GetMapping(path = "/daily-sales", produces = MediaType.APPLICATION_JSON_VALUE)
    public Report<DailySales> dailySales(@RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String sku,
                                         @RequestParam(required = false) String currency,
                                         @RequestParam(required = false) Long minPosition) {
        Range range = Range.of(from, to);
        consistency.awaitPosition(ReadModel.SALES.processingGroup(), minPosition);
        return new Report<>(range.from(), range.to(), daily(range, sku, currency));
    }

    @GetMapping(path = "/daily-sales", produces = Csv.MEDIA_TYPE)
    public void dailySalesCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String sku, @RequestParam(required = false) String currency,
                              @RequestParam(required = false) Long minPosition, HttpServletResponse response) throws IOException {
        consistency.awaitPosition(ReadModel.SALES.processingGroup(), minPosition);
        List<DailySales> rows = daily(Range.of(from, to), sku, currency);
        Csv.write(response, "daily-sales", DailySales.class, consumer -> consumer.accept(rows.stream()));
    }

    @GetMapping(path = "/sales-by-sku", produces = MediaType.APPLICATION_JSON_VALUE)
    public Report<SkuSales> salesBySku(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String currency,
                                       @RequestParam(required = false) Long minPosition) {
        Range range = Range.of(from, to);
        consistency.awaitPosition(ReadModel.SALES.processingGroup(), minPosition);
        return new Report<>(range.from(), range.to(), bySku(range, currency));
    }

    @GetMapping(path = "/sales-by-sku", produces = Csv.MEDIA_TYPE)
    public void salesBySkuCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String currency,
                              @RequestParam(required = false) Long minPosition, HttpServletResponse response) throws IOException {
        consistency.awaitPosition(ReadModel.SALES.processingGroup(), minPosition);
        List<SkuSales> rows = bySku(Range.of(from, to), currency);
        Csv.write(response, "sales-by-sku", SkuSales.class, consumer -> consumer.accept(rows.stream()));
    }

    @GetMapping(path = "/order-status", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<StatusCount> orderStatus(@RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(ReadModel.ORDERS.processingGroup(), minPosition);
        return statusCounts();
    }

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
