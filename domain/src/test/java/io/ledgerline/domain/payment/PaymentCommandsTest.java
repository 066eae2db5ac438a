package io.ledgerline.domain.payment;

import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.domain.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PaymentCommandsTest {

    private static final PaymentId PAYMENT = new PaymentId("payment-1");
    private static final OrderId ORDER = new OrderId("order-1");

    @Test
    void authorizationOfZeroIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new AuthorizePayment(PAYMENT, ORDER, Money.zero("EUR"), "pm_tok_1"));
        assertThat(e.field()).isEqualTo("amount");
    }

    @Test
    void authorizationNeedsAPaymentMethodToken() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new AuthorizePayment(PAYMENT, ORDER, Money.of("1.00", "EUR"), ""));
        assertThat(e.field()).isEqualTo("paymentMethodToken");
    }

    @Test
    void authorizationCommandDoesNotPrintTheToken() {
        AuthorizePayment command = new AuthorizePayment(PAYMENT, ORDER, Money.of("1.00", "EUR"), "pm_tok_secret");

        assertThat(command.toString()).doesNotContain("pm_tok_secret").contains("payment-1");
    }

    @Test
    void captureOfZeroIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new CapturePayment(PAYMENT, Money.zero("EUR")));
        assertThat(e.field()).isEqualTo("amount");
    }

    @Test
    void refundOfZeroIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new RefundPayment(PAYMENT, Money.zero("EUR"), "returned"));
        assertThat(e.field()).isEqualTo("amount");
    }
}
