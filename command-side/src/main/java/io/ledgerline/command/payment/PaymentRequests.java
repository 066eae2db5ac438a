package io.ledgerline.command.payment;

import io.ledgerline.domain.payment.PaymentStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** The JSON bodies of the payment endpoints. */
final class PaymentRequests {

    private PaymentRequests() {
    }

    record AuthorizePaymentRequest(@NotBlank @Size(max = 64) String orderId, @NotNull @Positive BigDecimal amount,
                                   @NotBlank String currency, @NotBlank @Size(max = 200) String paymentMethodToken) {
    }

    record CapturePaymentRequest(@NotNull @Positive BigDecimal amount, @NotBlank String currency) {
    }

    record RefundPaymentRequest(@NotNull @Positive BigDecimal amount, @NotBlank String currency,
                                @Size(max = 500) String reason) {
    }

    record VoidPaymentRequest(@Size(max = 500) String reason) {
    }

    /** The payment written, its status after the command (and why, if declined), and the version it reached. */
    record PaymentWritten(String paymentId, PaymentStatus status, String declineReason, long version, Long position) {
    }

    /** The payment written and the version it reached. */
    record PaymentUpdated(String paymentId, long version, Long position) {
    }
}
