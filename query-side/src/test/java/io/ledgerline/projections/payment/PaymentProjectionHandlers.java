package io.ledgerline.projections.payment;

import io.ledgerline.domain.payment.PaymentAuthorized;
import io.ledgerline.domain.payment.PaymentCaptured;
import io.ledgerline.domain.payment.PaymentDeclined;
import io.ledgerline.domain.payment.PaymentRefunded;
import io.ledgerline.domain.payment.PaymentVoided;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

/** Lets tests in other modules apply events to {@link PaymentProjection}, whose handlers are package-private. */
public final class PaymentProjectionHandlers {

    private final PaymentProjection projection;

    public PaymentProjectionHandlers(JdbcClient jdbc) {
        this.projection = new PaymentProjection(jdbc);
    }

    public void apply(Object event, long sequence, Instant at) {
        if (event instanceof PaymentAuthorized authorized) {
            projection.on(authorized, sequence, at);
        } else if (event instanceof PaymentDeclined declined) {
            projection.on(declined, sequence, at);
        } else if (event instanceof PaymentCaptured captured) {
            projection.on(captured, sequence, at);
        } else if (event instanceof PaymentRefunded refunded) {
            projection.on(refunded, sequence, at);
        } else if (event instanceof PaymentVoided voided) {
            projection.on(voided, sequence, at);
        } else {
            throw new IllegalArgumentException("PaymentProjection does not handle " + event.getClass().getSimpleName());
        }
    }
}
