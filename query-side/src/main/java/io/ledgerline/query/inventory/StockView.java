package io.ledgerline.query.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ledgerline.infrastructure.openapi.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** The stock of one SKU (and one CSV row); {@code version} is the last event applied. */
@Schema(description = "The stock of one SKU")
@JsonPropertyOrder({"sku", "name", "currency", "unitPrice", "onHand", "reserved", "available", "updatedAt", "version"})
public record StockView(
        @Schema(description = "The SKU", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String sku,
        @Schema(description = "The product's name", example = "Desk lamp", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(description = "ISO 4217 code of the list price", pattern = ApiFormats.CURRENCY, example = "EUR",
                requiredMode = Schema.RequiredMode.REQUIRED) String currency,
        @Schema(description = "The list price. " + ApiFormats.AMOUNT_OUT_TEXT, pattern = ApiFormats.AMOUNT, example = "19.99",
                requiredMode = Schema.RequiredMode.REQUIRED) String unitPrice,
        @Schema(description = "Units in stock", example = "10", requiredMode = Schema.RequiredMode.REQUIRED) int onHand,
        @Schema(description = "Units promised to orders", example = "2", requiredMode = Schema.RequiredMode.REQUIRED) int reserved,
        @Schema(description = "On hand minus reserved", example = "8", requiredMode = Schema.RequiredMode.REQUIRED) int available,
        @Schema(description = "When its last event happened", example = "2026-11-20T10:15:30.345678Z",
                requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt,
        @Schema(description = "The version of the last event applied", example = "2",
                requiredMode = Schema.RequiredMode.REQUIRED) long version) {
}
