package io.ledgerline.projections.inventory;

import io.ledgerline.domain.inventory.ProductRegistered;
import io.ledgerline.domain.inventory.ReservationReleased;
import io.ledgerline.domain.inventory.ReservedStockShipped;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.inventory.StockAdjusted;
import io.ledgerline.domain.inventory.StockReceived;
import io.ledgerline.domain.inventory.StockReserved;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import io.ledgerline.projections.runtime.ReadModelSql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Maintains {@code read.inventory}. Stock events carry the counts after the change, so each
 * handler sets them rather than adding to them, guarded by the row's {@code version}.
 */
public class InventoryProjection {

    public static final String GROUP = "inventory";

    private final ReadModelSql jdbc;

    public InventoryProjection(ReadModelSql jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the first generation's tables. */
    public InventoryProjection(JdbcClient jdbc) {
        this(new ReadModelSql(jdbc, 1));
    }

    @EventHandler
    void on(ProductRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.write(event.sku().value(), """
                        INSERT INTO read.inventory (sku, name, currency, unit_price_minor, on_hand, reserved,
                                                    updated_at, version)
                        VALUES (:sku, :name, :currency, :price, 0, 0, :at, :version)
                        ON CONFLICT (sku) DO NOTHING""",
                new MapSqlParameterSource()
                        .addValue("sku", event.sku().value())
                        .addValue("name", event.name())
                        .addValue("currency", event.unitPrice().currency())
                        .addValue("price", event.unitPrice().minorUnits())
                        .addValue("at", at.atOffset(ZoneOffset.UTC))
                        .addValue("version", sequence));
    }

    @EventHandler
    void on(StockReceived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        counts(event.sku(), event.onHand(), event.reserved(), sequence, at);
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        counts(event.sku(), event.onHand(), event.reserved(), sequence, at);
    }

    @EventHandler
    void on(ReservationReleased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        counts(event.sku(), event.onHand(), event.reserved(), sequence, at);
    }

    @EventHandler
    void on(ReservedStockShipped event, @SequenceNumber long sequence, @Timestamp Instant at) {
        counts(event.sku(), event.onHand(), event.reserved(), sequence, at);
    }

    @EventHandler
    void on(StockAdjusted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        counts(event.sku(), event.onHand(), event.reserved(), sequence, at);
    }

    private void counts(Sku sku, int onHand, int reserved, long sequence, Instant at) {
        jdbc.write(sku.value(), """
                        UPDATE read.inventory SET on_hand = :onHand, reserved = :reserved, updated_at = :at,
                                                  version = :version
                        WHERE sku = :sku AND version < :version""",
                new MapSqlParameterSource()
                        .addValue("onHand", onHand)
                        .addValue("reserved", reserved)
                        .addValue("at", at.atOffset(ZoneOffset.UTC))
                        .addValue("version", sequence)
                        .addValue("sku", sku.value()));
    }
}
