package io.ledgerline.query.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/** The stock of one SKU (and one CSV row); {@code version} is the last event applied. */
@JsonPropertyOrder({"sku", "name", "currency", "unitPrice", "onHand", "reserved", "available", "updatedAt", "version"})
public record StockView(String sku, String name, String currency, String unitPrice, int onHand, int reserved,
                        int available, Instant updatedAt, long version) {
}
