package io.ledgerline.query.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.LocalDate;
import java.util.List;

/** The rows of the reports; revenue is a decimal string in its currency. */
public final class ReportViews {

    private ReportViews() {
    }

    /** Net booked sales of one SKU on one UTC day, in one currency. */
    @JsonPropertyOrder({"day", "sku", "currency", "orders", "units", "revenue"})
    public record DailySales(LocalDate day, String sku, String currency, long orders, long units, String revenue) {
    }

    /** Net booked sales of one SKU over a date range, in one currency. */
    @JsonPropertyOrder({"sku", "currency", "orders", "units", "revenue"})
    public record SkuSales(String sku, String currency, long orders, long units, String revenue) {
    }

    /** How many orders are in one status. */
    @JsonPropertyOrder({"status", "count"})
    public record StatusCount(String status, long count) {
    }

    /** A report's rows with the range it covers. */
    public record Report<T>(LocalDate from, LocalDate to, List<T> rows) {
    }
}
