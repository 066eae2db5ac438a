package io.ledgerline.projections.payment;

import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.payment.PaymentAuthorized;
import io.ledgerline.domain.payment.PaymentCaptured;
import io.ledgerline.domain.payment.PaymentDeclined;
import io.ledgerline.domain.payment.PaymentId;
import io.ledgerline.domain.payment.PaymentRefunded;
import io.ledgerline.domain.payment.PaymentStatus;
import io.ledgerline.domain.payment.PaymentVoided;
import io.ledgerline.domain.shared.Money;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import io.ledgerline.projections.runtime.ReadModelSql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Types;

import java.time.Instant;
import java.time.ZoneOffset;

/** Maintains {@code read.payments}; rows change only for events newer than their {@code version}. */
public class PaymentProjection {

    public static final String GROUP = "payments";

    private final ReadModelSql jdbc;

    public PaymentProjection(ReadModelSql jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the first generation's tables. */
    public PaymentProjection(JdbcClient jdbc) {
        this(new ReadModelSql(jdbc, 1));
    }

    @EventHandler
    void on(PaymentAuthorized event, @SequenceNumber long sequence, @Timestamp Instant at) {
        insert(event.paymentId(), event.orderId().value(), event.customerId(), PaymentStatus.AUTHORIZED, event.amount(),
                null, event.paymentMethod(), sequence, at);
    }

    @EventHandler
    void on(PaymentDeclined event, @SequenceNumber long sequence, @Timestamp Instant at) {
        insert(event.paymentId(), event.orderId().value(), event.customerId(), PaymentStatus.DECLINED, event.amount(),
                event.reason(), event.paymentMethod(), sequence, at);
    }

    @EventHandler
    void on(PaymentCaptured event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.write(event.paymentId().value(), """
                        UPDATE read.payments
                        SET captured_minor = :captured,
                            status = read.payment_status(authorized_minor, :captured, refunded_minor),
                            updated_at = :at, version = :version
                        WHERE payment_id = :id AND version < :version""",
                new MapSqlParameterSource()
                        .addValue("captured", event.capturedTotal().minorUnits())
                        .addValue("at", at.atOffset(ZoneOffset.UTC))
                        .addValue("version", sequence)
                        .addValue("id", event.paymentId().value()));
    }

    @EventHandler
    void on(PaymentRefunded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.write(event.paymentId().value(), """
                        UPDATE read.payments
                        SET refunded_minor = :refunded,
                            status = read.payment_status(authorized_minor, captured_minor, :refunded),
                            updated_at = :at, version = :version
                        WHERE payment_id = :id AND version < :version""",
                new MapSqlParameterSource()
                        .addValue("refunded", event.refundedTotal().minorUnits())
                        .addValue("at", at.atOffset(ZoneOffset.UTC))
                        .addValue("version", sequence)
                        .addValue("id", event.paymentId().value()));
    }

    @EventHandler
    void on(PaymentVoided event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.write(event.paymentId().value(), """
                        UPDATE read.payments SET status = 'VOIDED', updated_at = :at, version = :version
                        WHERE payment_id = :id AND version < :version""",
                new MapSqlParameterSource()
                        .addValue("at", at.atOffset(ZoneOffset.UTC))
                        .addValue("version", sequence)
                        .addValue("id", event.paymentId().value()));
    }

    private void insert(PaymentId paymentId, String orderId, CustomerId customerId, PaymentStatus status, Money amount,
                        String declineReason, String paymentMethod, long sequence, Instant at) {
        jdbc.write(paymentId.value(), """
                        INSERT INTO read.payments (payment_id, order_id, customer_id, status, currency, authorized_minor,
                            captured_minor, refunded_minor, decline_reason, payment_method, created_at, updated_at, version)
                        VALUES (:id, :order, :customer, :status, :currency, :authorized, 0, 0, :reason, :method, :at, :at,
                                :version)
                        ON CONFLICT (payment_id) DO NOTHING""",
                new MapSqlParameterSource()
                        .addValue("id", paymentId.value())
                        .addValue("order", orderId)
                        .addValue("customer", customerId == null ? null : customerId.value(), Types.VARCHAR)
                        .addValue("status", status.name())
                        .addValue("currency", amount.currency())
                        .addValue("authorized", status == PaymentStatus.AUTHORIZED ? amount.minorUnits() : 0)
                        .addValue("reason", declineReason, Types.VARCHAR)
                        .addValue("method", paymentMethod, Types.VARCHAR)
                        .addValue("at", at.atOffset(ZoneOffset.UTC))
                        .addValue("version", sequence));
    }
}
