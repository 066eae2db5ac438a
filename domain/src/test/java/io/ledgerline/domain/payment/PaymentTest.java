package io.ledgerline.domain.payment;

import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderOwners;
import org.axonframework.modelling.command.AggregateNotFoundException;
import java.util.Optional;

import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.CurrencyMismatch;
import io.ledgerline.domain.shared.Money;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentTest {

    private static final PaymentId PAYMENT = new PaymentId("payment-1");
    private static final OrderId ORDER = new OrderId("order-1");
    private static final String TOKEN = "pm_tok_4000002760003184";
    private static final String MASKED = "…3184";
    private static final String REFERENCE = FakePaymentGateway.referenceFor(PAYMENT);

    private AggregateTestFixture<Payment> fixture;
    private FakePaymentGateway gateway;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        gateway = new FakePaymentGateway();
        fixture.registerInjectableResource(gateway);
        fixture.registerInjectableResource((OrderOwners) order -> order.equals(ORDER)
                ? Optional.of(new CustomerId("c-1")) : Optional.empty());
    }

    @Test
    void aClientPaysForItsOwnCustomersOrder() {
        fixture.givenNoPriorActivity()
               .when(new AuthorizePayment(PAYMENT, ORDER, eur("100.00"), TOKEN, new CustomerId("c-1")))
               .expectSuccessfulHandlerExecution();
        assertThat(gateway.calls()).hasSize(1);
    }

    @Test
    void aClientCannotPayForAnotherCustomersOrderAndTheProviderIsNotAsked() {
        fixture.givenNoPriorActivity()
               .when(new AuthorizePayment(PAYMENT, ORDER, eur("100.00"), TOKEN, new CustomerId("c-2")))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void aClientCannotPayForAnOrderThatDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(new AuthorizePayment(PAYMENT, new OrderId("no-such-order"), eur("1.00"), TOKEN, new CustomerId("c-1")))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static PaymentAuthorized authorized(String amount) {
        return new PaymentAuthorized(PAYMENT, ORDER, eur(amount), REFERENCE, MASKED);
    }

    private static PaymentCaptured captured(String amount, String total) {
        return new PaymentCaptured(PAYMENT, eur(amount), eur(total));
    }

    private static PaymentRefunded refunded(String amount, String total) {
        return new PaymentRefunded(PAYMENT, eur(amount), eur(total), "returned");
    }

    private static PaymentDeclined declined() {
        return new PaymentDeclined(PAYMENT, ORDER, eur("100.00"), "insufficient funds", MASKED);
    }

    // --- authorization

    @Test
    void approvedAuthorizationRecordsPaymentAuthorizedWithProviderReference() {
        fixture.givenNoPriorActivity()
               .when(new AuthorizePayment(PAYMENT, ORDER, eur("100.00"), TOKEN))
               .expectSuccessfulHandlerExecution()
               .expectEvents(authorized("100.00"))
               .expectResultMessagePayload(new AuthorizationOutcome(PAYMENT, PaymentStatus.AUTHORIZED, null, 0L));
    }

    @Test
    void authorizationHandsTheTokenToTheProvider() {
        fixture.givenNoPriorActivity()
               .when(new AuthorizePayment(PAYMENT, ORDER, eur("100.00"), TOKEN));

        assertThat(gateway.calls()).containsExactly(
                new FakePaymentGateway.Call("authorize", PAYMENT, null, eur("100.00"), TOKEN));
    }

    @Test
    void declinedAuthorizationYieldsPaymentDeclined() {
        gateway.declineWith("insufficient funds");

        fixture.givenNoPriorActivity()
               .when(new AuthorizePayment(PAYMENT, ORDER, eur("100.00"), TOKEN))
               .expectSuccessfulHandlerExecution()
               .expectEvents(declined())
               .expectResultMessagePayload(
                       new AuthorizationOutcome(PAYMENT, PaymentStatus.DECLINED, "insufficient funds", 0L));
    }

    @Test
    void paymentMethodTokenNeverAppearsInAuthorizedEvent() {
        fixture.givenNoPriorActivity()
               .when(new AuthorizePayment(PAYMENT, ORDER, eur("100.00"), TOKEN))
               .expectEventsMatching(Matchers.<List<EventMessage<?>>>predicate(PaymentTest::oneEventWithoutToken));
    }

    @Test
    void paymentMethodTokenNeverAppearsInDeclinedEvent() {
        gateway.declineWith("card expired");

        fixture.givenNoPriorActivity()
               .when(new AuthorizePayment(PAYMENT, ORDER, eur("100.00"), TOKEN))
               .expectEventsMatching(Matchers.<List<EventMessage<?>>>predicate(PaymentTest::oneEventWithoutToken));
    }

    private static boolean oneEventWithoutToken(List<EventMessage<?>> events) {
        return events.size() == 1 && !events.get(0).getPayload().toString().contains(TOKEN);
    }

    @Test
    void maskKeepsAtMostTheLastFourCharacters() {
        assertThat(Payment.mask(TOKEN)).isEqualTo(MASKED);
        assertThat(Payment.mask("tok_ab12cd")).isEqualTo("…cd");
    }

    @Test
    void maskRevealsNothingOfVeryShortTokens() {
        assertThat(Payment.mask("abc")).isEqualTo("…");
    }

    // --- capture

    @Test
    void partialCaptureRecordsAmountAndRunningTotal() {
        fixture.given(authorized("100.00"))
               .when(new CapturePayment(PAYMENT, eur("40.00")))
               .expectEvents(captured("40.00", "40.00"))
               .expectResultMessagePayload(1L);

        assertThat(gateway.calls()).containsExactly(
                new FakePaymentGateway.Call("capture", PAYMENT, REFERENCE, eur("40.00"), null));
    }

    @Test
    void secondCaptureMayTakeTheRestOfTheAuthorization() {
        fixture.given(authorized("100.00"), captured("40.00", "40.00"))
               .when(new CapturePayment(PAYMENT, eur("60.00")))
               .expectEvents(captured("60.00", "100.00"))
               .expectResultMessagePayload(2L);
    }

    @Test
    void fullCaptureTakesTheWholeAuthorization() {
        fixture.given(authorized("100.00"))
               .when(new CapturePayment(PAYMENT, eur("100.00")))
               .expectEvents(captured("100.00", "100.00"));
    }

    @Test
    void cannotCaptureMoreThanAuthorized() {
        fixture.given(authorized("100.00"))
               .when(new CapturePayment(PAYMENT, eur("100.01")))
               .expectException(CaptureExceedsAuthorized.class)
               .expectNoEvents();

        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void cannotCaptureMoreThanRemainsAfterPartialCapture() {
        fixture.given(authorized("100.00"), captured("40.00", "40.00"))
               .when(new CapturePayment(PAYMENT, eur("60.01")))
               .expectException(CaptureExceedsAuthorized.class)
               .expectNoEvents();

        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void cannotCaptureFullyCapturedPayment() {
        fixture.given(authorized("100.00"), captured("100.00", "100.00"))
               .when(new CapturePayment(PAYMENT, eur("0.01")))
               .expectException(PaymentStateConflict.class)
               .expectNoEvents();
    }

    @Test
    void cannotCaptureInAnotherCurrency() {
        fixture.given(authorized("100.00"))
               .when(new CapturePayment(PAYMENT, Money.of("10.00", "USD")))
               .expectException(CurrencyMismatch.class)
               .expectNoEvents();

        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void cannotCaptureDeclinedPayment() {
        fixture.given(declined())
               .when(new CapturePayment(PAYMENT, eur("10.00")))
               .expectException(PaymentStateConflict.class)
               .expectNoEvents();

        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void cannotCaptureVoidedPayment() {
        fixture.given(authorized("100.00"), new PaymentVoided(PAYMENT, "order cancelled"))
               .when(new CapturePayment(PAYMENT, eur("10.00")))
               .expectException(PaymentStateConflict.class)
               .expectNoEvents();

        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void captureRefusedByProviderRecordsNothing() {
        gateway.refuseWith("authorization expired");

        fixture.given(authorized("100.00"))
               .when(new CapturePayment(PAYMENT, eur("10.00")))
               .expectException(PaymentGatewayFailure.class)
               .expectNoEvents();
    }

    // --- refund

    @Test
    void partialRefundRecordsAmountAndRunningTotal() {
        fixture.given(authorized("100.00"), captured("100.00", "100.00"))
               .when(new RefundPayment(PAYMENT, eur("30.00"), "returned"))
               .expectEvents(refunded("30.00", "30.00"))
               .expectResultMessagePayload(2L);

        assertThat(gateway.calls()).containsExactly(
                new FakePaymentGateway.Call("refund", PAYMENT, REFERENCE, eur("30.00"), null));
    }

    @Test
    void partiallyCapturedPaymentCanBeRefunded() {
        fixture.given(authorized("100.00"), captured("40.00", "40.00"))
               .when(new RefundPayment(PAYMENT, eur("40.00"), "returned"))
               .expectEvents(refunded("40.00", "40.00"));
    }

    @Test
    void secondRefundMayGiveBackTheRestOfTheCaptures() {
        fixture.given(authorized("100.00"), captured("100.00", "100.00"), refunded("30.00", "30.00"))
               .when(new RefundPayment(PAYMENT, eur("70.00"), "returned"))
               .expectEvents(refunded("70.00", "100.00"))
               .expectResultMessagePayload(3L);
    }

    @Test
    void cannotRefundMoreThanCaptured() {
        fixture.given(authorized("100.00"), captured("40.00", "40.00"))
               .when(new RefundPayment(PAYMENT, eur("40.01"), "returned"))
               .expectException(RefundExceedsCaptured.class)
               .expectNoEvents();

        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void cannotRefundMoreThanRemainsAfterPartialRefund() {
        fixture.given(authorized("100.00"), captured("100.00", "100.00"), refunded("30.00", "30.00"))
               .when(new RefundPayment(PAYMENT, eur("70.01"), "returned"))
               .expectException(RefundExceedsCaptured.class)
               .expectNoEvents();

        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void cannotRefundPaymentThatWasNeverCaptured() {
        fixture.given(authorized("100.00"))
               .when(new RefundPayment(PAYMENT, eur("10.00"), "returned"))
               .expectException(PaymentStateConflict.class)
               .expectNoEvents();
    }

    @Test
    void cannotRefundFullyRefundedPayment() {
        fixture.given(authorized("100.00"), captured("100.00", "100.00"), refunded("100.00", "100.00"))
               .when(new RefundPayment(PAYMENT, eur("0.01"), "returned"))
               .expectException(PaymentStateConflict.class)
               .expectNoEvents();
    }

    @Test
    void cannotRefundInAnotherCurrency() {
        fixture.given(authorized("100.00"), captured("100.00", "100.00"))
               .when(new RefundPayment(PAYMENT, Money.of("10.00", "USD"), "returned"))
               .expectException(CurrencyMismatch.class)
               .expectNoEvents();

        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void refundRefusedByProviderRecordsNothing() {
        gateway.refuseWith("refund window closed");

        fixture.given(authorized("100.00"), captured("100.00", "100.00"))
               .when(new RefundPayment(PAYMENT, eur("10.00"), "returned"))
               .expectException(PaymentGatewayFailure.class)
               .expectNoEvents();
    }

    // --- void

    @Test
    void voidingReleasesTheAuthorization() {
        fixture.given(authorized("100.00"))
               .when(new VoidPayment(PAYMENT, "order cancelled"))
               .expectEvents(new PaymentVoided(PAYMENT, "order cancelled"))
               .expectResultMessagePayload(1L);

        assertThat(gateway.calls()).containsExactly(
                new FakePaymentGateway.Call("void", PAYMENT, REFERENCE, null, null));
    }

    @Test
    void cannotVoidAfterPartialCapture() {
        fixture.given(authorized("100.00"), captured("40.00", "40.00"))
               .when(new VoidPayment(PAYMENT, "order cancelled"))
               .expectException(PaymentStateConflict.class)
               .expectNoEvents();

        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void cannotVoidAfterFullCapture() {
        fixture.given(authorized("100.00"), captured("100.00", "100.00"))
               .when(new VoidPayment(PAYMENT, "order cancelled"))
               .expectException(PaymentStateConflict.class)
               .expectNoEvents();

        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void cannotVoidTwice() {
        fixture.given(authorized("100.00"), new PaymentVoided(PAYMENT, "order cancelled"))
               .when(new VoidPayment(PAYMENT, "again"))
               .expectException(PaymentStateConflict.class)
               .expectNoEvents();
    }

    @Test
    void cannotVoidDeclinedPayment() {
        fixture.given(declined())
               .when(new VoidPayment(PAYMENT, null))
               .expectException(PaymentStateConflict.class)
               .expectNoEvents();

        assertThat(gateway.calls()).isEmpty();
    }
}
