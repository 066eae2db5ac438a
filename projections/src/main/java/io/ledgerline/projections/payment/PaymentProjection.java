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
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

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
        updateTotals(event.paymentId(), totals -> totals.withCaptured(event.capturedTotal().minorUnits()), sequence, at);
    }

    @EventHandler
    void on(PaymentRefunded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        updateTotals(event.paymentId(), totals -> totals.withRefunded(event.refundedTotal().minorUnits()), sequence, at);
    }

    @EventHandler
    void on(PaymentVoided event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE read.payments SET status = 'VOIDED', updated_at = :at, version = :version
                        WHERE payment_id = :id AND version < :version""")
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("version", sequence)
                .param("id", event.paymentId().value())
                .update();
    }

    /** Applies new running totals to a row not yet at this version, deriving the status the way the aggregate does. */
    private void updateTotals(PaymentId paymentId, UnaryOperator<Totals> change, long sequence, Instant at) {
        jdbc.sql("""
                        SELECT currency, authorized_minor, captured_minor, refunded_minor FROM read.payments
                        WHERE payment_id = ? AND version < ? FOR UPDATE""")
                .params(paymentId.value(), sequence)
                .query(Totals.class)
                .optional()
                .map(change)
                .ifPresent(totals -> jdbc.sql("""
                                UPDATE read.payments
                                SET captured_minor = :captured, refunded_minor = :refunded, status = :status,
                                    updated_at = :at, version = :version
                                WHERE payment_id = :id""")
                        .param("captured", totals.capturedMinor())
                        .param("refunded", totals.refundedMinor())
                        .param("status", totals.status().name())
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .param("version", sequence)
                        .param("id", paymentId.value())
                        .update());
    }

    /** The running totals of one payment row. */
    record Totals(String currency, long authorizedMinor, long capturedMinor, long refundedMinor) {

        Totals withCaptured(long captured) {
            return new Totals(currency, authorizedMinor, captured, refundedMinor);
        }

        Totals withRefunded(long refunded) {
            return new Totals(currency, authorizedMinor, capturedMinor, refunded);
        }

        PaymentStatus status() {
            return PaymentStatus.of(new Money(authorizedMinor, currency), new Money(capturedMinor, currency),
                    new Money(refundedMinor, currency));
        }
    }

    private void insert(PaymentId paymentId, String orderId, CustomerId customerId, PaymentStatus status, Money amount,
                        String declineReason, String paymentMethod, long sequence, Instant at) {
        jdbc.sql("""
                        INSERT INTO read.payments (payment_id, order_id, customer_id, status, currency, authorized_minor,
                            captured_minor, refunded_minor, decline_reason, payment_method, created_at, updated_at, version)
                        VALUES (:id, :order, :customer, :status, :currency, :authorized, 0, 0, :reason, :method, :at, :at,
                                :version)
                        ON CONFLICT (payment_id) DO NOTHING""")
                .param("id", paymentId.value())
                .param("order", orderId)
                .param("customer", customerId == null ? null : customerId.value())
                .param("status", status.name())
                .param("currency", amount.currency())
                .param("authorized", status == PaymentStatus.AUTHORIZED ? amount.minorUnits() : 0)
                .param("reason", declineReason)
                .param("method", paymentMethod)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("version", sequence)
                .update();
    }
}
