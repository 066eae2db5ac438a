package io.ledgerline.projections.payment;

import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.payment.PaymentAuthorized;
import io.ledgerline.domain.payment.PaymentCaptured;
import io.ledgerline.domain.payment.PaymentDeclined;
import io.ledgerline.domain.payment.PaymentId;
import io.ledgerline.domain.payment.PaymentRefunded;
import io.ledgerline.domain.payment.PaymentStatus;
import io.ledgerline.domain.payment.PaymentVoided;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.ledgerline.projections.support.ReadModelDatabase.timestamp;
import static io.ledgerline.projections.support.ReadModelDatabase.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class PaymentProjectionTest {

    private static final Instant AUTHORIZED_AT = Instant.parse("2025-03-10T09:16:00Z");
    private static final Instant FIRST_CAPTURE_AT = Instant.parse("2025-03-10T12:00:00Z");
    private static final Instant SECOND_CAPTURE_AT = Instant.parse("2025-03-11T08:30:00Z");
    private static final Instant REFUNDED_AT = Instant.parse("2025-03-14T17:45:00Z");
    private static final long AUTHORIZED = 10_000;

    private static ReadModelDatabase database;
    private PaymentProjection projection;
    private PaymentId paymentId;
    private OrderId orderId;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.migrated();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void newPayment() {
        projection = new PaymentProjection(database.jdbc());
        paymentId = new PaymentId(unique("payment"));
        orderId = new OrderId(unique("order"));
    }

    @Test
    void authorizationWritesAnAuthorizedRowWithNothingCaptured() {
        authorize();

        assertThat(payment()).contains(
                entry("order_id", orderId.value()),
                entry("status", "AUTHORIZED"),
                entry("currency", "EUR"),
                entry("authorized_minor", AUTHORIZED),
                entry("captured_minor", 0L),
                entry("refunded_minor", 0L),
                entry("decline_reason", null),
                entry("payment_method", "…4242"),
                entry("created_at", timestamp(AUTHORIZED_AT)),
                entry("updated_at", timestamp(AUTHORIZED_AT)),
                entry("version", 0L));
    }

    @Test
    void declineWritesADeclinedRowWithTheReasonAndNothingAuthorized() {
        projection.on(new PaymentDeclined(paymentId, orderId, eur(AUTHORIZED), "insufficient funds", "…0002"),
                0, AUTHORIZED_AT);

        assertThat(payment()).contains(
                entry("order_id", orderId.value()),
                entry("status", "DECLINED"),
                entry("currency", "EUR"),
                entry("authorized_minor", 0L),
                entry("captured_minor", 0L),
                entry("refunded_minor", 0L),
                entry("decline_reason", "insufficient funds"),
                entry("payment_method", "…0002"),
                entry("created_at", timestamp(AUTHORIZED_AT)),
                entry("version", 0L));
    }

    @Test
    void capturingPartOfTheAuthorizationMakesItPartiallyCaptured() {
        authorize();

        projection.on(new PaymentCaptured(paymentId, eur(4_000), eur(4_000)), 1, FIRST_CAPTURE_AT);

        assertThat(payment()).contains(
                entry("status", "PARTIALLY_CAPTURED"),
                entry("authorized_minor", AUTHORIZED),
                entry("captured_minor", 4_000L),
                entry("refunded_minor", 0L),
                entry("created_at", timestamp(AUTHORIZED_AT)),
                entry("updated_at", timestamp(FIRST_CAPTURE_AT)),
                entry("version", 1L));
    }

    @Test
    void capturesAddingUpToTheAuthorizationMakeItCaptured() {
        authorize();
        projection.on(new PaymentCaptured(paymentId, eur(4_000), eur(4_000)), 1, FIRST_CAPTURE_AT);

        projection.on(new PaymentCaptured(paymentId, eur(6_000), eur(AUTHORIZED)), 2, SECOND_CAPTURE_AT);

        assertThat(payment()).contains(
                entry("status", "CAPTURED"),
                entry("captured_minor", AUTHORIZED),
                entry("refunded_minor", 0L),
                entry("updated_at", timestamp(SECOND_CAPTURE_AT)),
                entry("version", 2L));
    }

    @Test
    void refundingPartOfTheCaptureMakesItPartiallyRefunded() {
        authorize();
        projection.on(new PaymentCaptured(paymentId, eur(AUTHORIZED), eur(AUTHORIZED)), 1, FIRST_CAPTURE_AT);

        projection.on(new PaymentRefunded(paymentId, eur(2_500), eur(2_500), "damaged item"), 2, REFUNDED_AT);

        assertThat(payment()).contains(
                entry("status", "PARTIALLY_REFUNDED"),
                entry("captured_minor", AUTHORIZED),
                entry("refunded_minor", 2_500L),
                entry("updated_at", timestamp(REFUNDED_AT)),
                entry("version", 2L));
    }

    @Test
    void refundingEverythingCapturedMakesItRefundedEvenIfNotAllWasCaptured() {
        authorize();
        projection.on(new PaymentCaptured(paymentId, eur(4_000), eur(4_000)), 1, FIRST_CAPTURE_AT);
        projection.on(new PaymentRefunded(paymentId, eur(1_000), eur(1_000), "late"), 2, REFUNDED_AT);

        projection.on(new PaymentRefunded(paymentId, eur(3_000), eur(4_000), "returned"), 3,
                REFUNDED_AT.plusSeconds(3600));

        assertThat(payment()).contains(
                entry("status", "REFUNDED"),
                entry("authorized_minor", AUTHORIZED),
                entry("captured_minor", 4_000L),
                entry("refunded_minor", 4_000L),
                entry("updated_at", timestamp(REFUNDED_AT.plusSeconds(3600))),
                entry("version", 3L));
    }

    @Test
    void voidingTheAuthorizationMakesItVoidedAndKeepsTheAmounts() {
        authorize();

        projection.on(new PaymentVoided(paymentId, "order cancelled"), 1, FIRST_CAPTURE_AT);

        assertThat(payment()).contains(
                entry("status", "VOIDED"),
                entry("authorized_minor", AUTHORIZED),
                entry("captured_minor", 0L),
                entry("refunded_minor", 0L),
                entry("created_at", timestamp(AUTHORIZED_AT)),
                entry("updated_at", timestamp(FIRST_CAPTURE_AT)),
                entry("version", 1L));
    }

    @Test
    void replayingEveryEventChangesNothing() {
        authorize();
        projection.on(new PaymentCaptured(paymentId, eur(4_000), eur(4_000)), 1, FIRST_CAPTURE_AT);
        projection.on(new PaymentCaptured(paymentId, eur(6_000), eur(AUTHORIZED)), 2, SECOND_CAPTURE_AT);
        projection.on(new PaymentRefunded(paymentId, eur(2_500), eur(2_500), "damaged item"), 3, REFUNDED_AT);
        Map<String, Object> before = payment();

        authorize();
        projection.on(new PaymentCaptured(paymentId, eur(4_000), eur(4_000)), 1, FIRST_CAPTURE_AT);
        projection.on(new PaymentCaptured(paymentId, eur(6_000), eur(AUTHORIZED)), 2, SECOND_CAPTURE_AT);
        projection.on(new PaymentRefunded(paymentId, eur(2_500), eur(2_500), "damaged item"), 3, REFUNDED_AT);

        assertThat(payment()).isEqualTo(before).containsEntry("status", "PARTIALLY_REFUNDED");
    }

    @Test
    void replayingAVoidChangesNothing() {
        authorize();
        projection.on(new PaymentVoided(paymentId, "order cancelled"), 1, FIRST_CAPTURE_AT);
        Map<String, Object> before = payment();

        projection.on(new PaymentVoided(paymentId, "order cancelled"), 1, SECOND_CAPTURE_AT);

        assertThat(payment()).isEqualTo(before).containsEntry("updated_at", timestamp(FIRST_CAPTURE_AT));
    }

    @Test
    void anOlderCaptureArrivingAfterANewerOneDoesNotOverwriteIt() {
        authorize();
        projection.on(new PaymentCaptured(paymentId, eur(AUTHORIZED), eur(AUTHORIZED)), 2, SECOND_CAPTURE_AT);

        projection.on(new PaymentCaptured(paymentId, eur(4_000), eur(4_000)), 1, FIRST_CAPTURE_AT);

        assertThat(payment()).contains(
                entry("status", "CAPTURED"),
                entry("captured_minor", AUTHORIZED),
                entry("updated_at", timestamp(SECOND_CAPTURE_AT)),
                entry("version", 2L));
    }

    private void authorize() {
        projection.on(new PaymentAuthorized(paymentId, orderId, eur(AUTHORIZED), "auth-ref-1", "…4242"),
                0, AUTHORIZED_AT);
    }

    private static Money eur(long minorUnits) {
        return new Money(minorUnits, "EUR");
    }

    private Map<String, Object> payment() {
        return database.row("SELECT * FROM read.payments WHERE payment_id = ?", paymentId.value());
    }

    @Test
    void theDatabaseDerivesAStatusFromTotalsExactlyAsTheDomainDoes() {
        long[] amounts = {0, 1, 499, 500, 1000};
        int compared = 0;
        for (long authorized : amounts) {
            for (long captured : amounts) {
                for (long refunded : amounts) {
                    if (captured > authorized || refunded > captured) {
                        continue;
                    }
                    String derived = database.jdbc().sql("SELECT read.payment_status(?, ?, ?)")
                            .params(authorized, captured, refunded).query(String.class).single();
                    assertThat(derived).as("authorized %d, captured %d, refunded %d", authorized, captured, refunded)
                            .isEqualTo(PaymentStatus.of(new Money(authorized, "EUR"), new Money(captured, "EUR"),
                                    new Money(refunded, "EUR")).name());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(20);
    }
}
