package io.ledgerline.query.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ledgerline.infrastructure.openapi.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The rows of the reports; revenue is a decimal string in its currency. */
public final class ReportViews {

    private ReportViews() {
    }

    /** Net booked sales of one SKU on one UTC day, in one currency. */
    @JsonPropertyOrder({"day", "sku", "currency", "orders", "units", "revenue"})
    @Schema(description = "Net booked sales of one SKU on one UTC day, in one currency")
    public record DailySales(
            @Schema(description = "The UTC day the orders were placed", example = "2026-11-20", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate day,
            @Schema(description = "The SKU", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String sku,
            @Schema(description = "ISO 4217 code", pattern = ApiFormats.CURRENCY, example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED) String currency,
            @Schema(description = "Orders with a line for the SKU, less those cancelled since", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) long orders,
            @Schema(description = "The units on those lines", example = "2", requiredMode = Schema.RequiredMode.REQUIRED) long units,
            @Schema(description = "The sum of their line totals. " + ApiFormats.AMOUNT_OUT_TEXT, pattern = ApiFormats.AMOUNT,
                    example = "39.98", requiredMode = Schema.RequiredMode.REQUIRED) String revenue) {
    }

    /** Net booked sales of one SKU over a date range, in one currency. */
    @JsonPropertyOrder({"sku", "currency", "orders", "units", "revenue"})
    @Schema(description = "Net booked sales of one SKU over the range, in one currency")
    public record SkuSales(
            @Schema(description = "The SKU", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String sku,
            @Schema(description = "ISO 4217 code", pattern = ApiFormats.CURRENCY, example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED) String currency,
            @Schema(description = "Orders with a line for the SKU, less those cancelled since", example = "3", requiredMode = Schema.RequiredMode.REQUIRED) long orders,
            @Schema(description = "The units on those lines", example = "5", requiredMode = Schema.RequiredMode.REQUIRED) long units,
            @Schema(description = "The sum of their line totals. " + ApiFormats.AMOUNT_OUT_TEXT, pattern = ApiFormats.AMOUNT,
                    example = "99.95", requiredMode = Schema.RequiredMode.REQUIRED) String revenue) {
    }

    /** How many orders are in one status. */
    @JsonPropertyOrder({"status", "count"})
    @Schema(description = "How many orders are in one status now")
    public record StatusCount(
            @Schema(description = "The status", allowableValues = {"PLACED", "CONFIRMED", "SHIPPED", "CANCELLED"},
                    example = "PLACED", requiredMode = Schema.RequiredMode.REQUIRED) String status,
            @Schema(description = "How many orders", example = "3", requiredMode = Schema.RequiredMode.REQUIRED) long count) {
    }

    /** A report's rows with the range it covers. */
    @Schema(description = "A report's rows with the range of days it covers")
    public record Report<T>(
            @Schema(description = "The first day, inclusive", example = "2026-11-20", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate from,
            @Schema(description = "The last day, inclusive", example = "2026-11-20", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate to,
            @Schema(description = "The rows; days without sales have none", requiredMode = Schema.RequiredMode.REQUIRED) List<T> rows) {
    }
}
