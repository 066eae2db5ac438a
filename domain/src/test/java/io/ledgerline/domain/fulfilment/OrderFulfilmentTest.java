package io.ledgerline.domain.fulfilment;

import io.ledgerline.domain.inventory.InsufficientStock;
import io.ledgerline.domain.inventory.ReleaseReservation;
import io.ledgerline.domain.inventory.ReservationNotFound;
import io.ledgerline.domain.inventory.ReserveStock;
import io.ledgerline.domain.inventory.ShipReservation;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.order.CancelOrder;
import io.ledgerline.domain.order.ConfirmOrder;
import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderCancelled;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderLine;
import io.ledgerline.domain.order.OrderPlaced;
import io.ledgerline.domain.order.OrderShipped;
import io.ledgerline.domain.payment.AuthorizePayment;
import io.ledgerline.domain.payment.CapturePayment;
import io.ledgerline.domain.payment.PaymentAuthorized;
import io.ledgerline.domain.payment.PaymentDeclined;
import io.ledgerline.domain.payment.PaymentGatewayFailure;
import io.ledgerline.domain.payment.PaymentId;
import io.ledgerline.domain.payment.VoidPayment;
import io.ledgerline.domain.shared.Money;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.test.saga.FixtureExecutionResult;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.CoreMatchers;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

class OrderFulfilmentTest {

    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PAST_PAYMENT_TIMEOUT = PAYMENT_TIMEOUT.plusSeconds(1);
    private static final OrderId ORDER = new OrderId("order-1");
    private static final CustomerId CUSTOMER = new CustomerId("customer-1");
    private static final Sku MUG = new Sku("MUG-RED-01");
    private static final Sku TEA = new Sku("TEA-GREEN-250");
    private static final List<OrderLine> LINES = List.of(
            new OrderLine(MUG, 2, Money.of("12.50", "EUR")),
            new OrderLine(TEA, 1, Money.of("5.00", "EUR")));
    private static final Money TOTAL = Money.of("30.00", "EUR");
    private static final String TOKEN = "pm_card_visa_4242";

    private final RefusingCommandGateway gateway = new RefusingCommandGateway();
    private SagaTestFixture<OrderFulfilment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfilment.class);
        fixture.registerResource(new FulfilmentSettings(PAYMENT_TIMEOUT));
        fixture.registerCommandGateway(CommandGateway.class, gateway);
    }

    @Test
    void orderWithoutPaymentMethodStartsNoFulfilment() {
        fixture.givenNoPriorActivity()
               .whenPublishingA(new OrderPlaced(ORDER, CUSTOMER, LINES, TOTAL))
               .expectActiveSagas(0)
               .expectNoDispatchedCommands()
               .expectNoScheduledDeadlines();
    }

    @Test
    void placedOrderReservesEveryLineThenRequestsPaymentOfTotal() {
        FixtureExecutionResult result = fixture.givenNoPriorActivity().whenPublishingA(placed());

        result.expectActiveSagas(1)
              .expectDispatchedCommandsMatching(exactly(
                      command(new ReserveStock(MUG, ORDER, 2)),
                      command(new ReserveStock(TEA, ORDER, 1)),
                      authorizationOfTotalWithToken()))
              .expectScheduledDeadlineWithName(PAYMENT_TIMEOUT, OrderFulfilment.PAYMENT_TIMEOUT)
              .expectAssociationWith("paymentId", requestedPayment());
    }

    @Test
    void authorizedPaymentConfirmsOrderAndCancelsPaymentTimeout() {
        PaymentId payment = givenPaymentRequested();

        fixture.whenPublishingA(authorized(payment))
               .expectDispatchedCommands(new ConfirmOrder(ORDER))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(1);
    }

    @Test
    void shippedOrderShipsEveryReservationAndCapturesTotal() {
        PaymentId payment = givenPaymentRequested();
        fixture.andThenAPublished(authorized(payment));

        fixture.whenPublishingA(new OrderShipped(ORDER))
               .expectDispatchedCommands(
                       new ShipReservation(MUG, ORDER),
                       new ShipReservation(TEA, ORDER),
                       new CapturePayment(payment, TOTAL, null, "fulfilment-" + ORDER))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    @Test
    void unreservableLineCancelsOrderNamingSkuWithoutRequestingPayment() {
        gateway.refuse(new ReserveStock(TEA, ORDER, 1), new InsufficientStock(TEA, 1, 0));

        fixture.givenNoPriorActivity()
               .whenPublishingA(placed())
               .expectDispatchedCommandsMatching(exactly(
                       command(new ReserveStock(MUG, ORDER, 2)),
                       command(new ReserveStock(TEA, ORDER, 1)),
                       cancellationBecause("Stock of " + TEA + " could not be reserved")))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(1);
    }

    @Test
    void cancellationAfterFailedReservationReleasesOnlyReservedLines() {
        gateway.refuse(new ReserveStock(TEA, ORDER, 1), new InsufficientStock(TEA, 1, 0));
        fixture.givenAPublished(placed());

        fixture.whenPublishingA(new OrderCancelled(ORDER, "Stock of TEA-GREEN-250 could not be reserved"))
               .expectDispatchedCommands(new ReleaseReservation(MUG, ORDER))
               .expectActiveSagas(0);
    }

    @Test
    void paymentThatCannotBeRequestedCancelsOrder() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof AuthorizePayment) {
                throw new PaymentGatewayFailure("provider unreachable");
            }
            return null;
        });

        fixture.givenNoPriorActivity()
               .whenPublishingA(placed())
               .expectDispatchedCommandsMatching(exactly(
                       command(new ReserveStock(MUG, ORDER, 2)),
                       command(new ReserveStock(TEA, ORDER, 1)),
                       authorizationOfTotalWithToken(),
                       cancellationBecause("Payment could not be requested")));
    }

    @Test
    void declinedPaymentCancelsOrder() {
        PaymentId payment = givenPaymentRequested();

        fixture.whenPublishingA(declined(payment))
               .expectDispatchedCommands(new CancelOrder(ORDER, "Payment declined: insufficient funds"))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(1);
    }

    @Test
    void cancellationAfterDeclinedPaymentReleasesAllReservationsAndEnds() {
        PaymentId payment = givenPaymentRequested();
        fixture.andThenAPublished(declined(payment));

        // The outcome is known already, so nothing is left to wait for.
        fixture.whenPublishingA(new OrderCancelled(ORDER, "Payment declined: insufficient funds"))
               .expectDispatchedCommands(new ReleaseReservation(MUG, ORDER), new ReleaseReservation(TEA, ORDER))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    @Test
    void paymentOutcomeIsAwaitedUntilTimeout() {
        givenPaymentRequested();

        fixture.whenTimeElapses(PAYMENT_TIMEOUT.minusSeconds(1))
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofSeconds(1), OrderFulfilment.PAYMENT_TIMEOUT)
               .expectActiveSagas(1);
    }

    @Test
    void missingPaymentOutcomeCancelsOrder() {
        givenPaymentRequested();

        fixture.whenTimeElapses(PAST_PAYMENT_TIMEOUT)
               .expectTriggeredDeadlinesWithName(OrderFulfilment.PAYMENT_TIMEOUT)
               .expectDispatchedCommands(new CancelOrder(ORDER, "No payment outcome in time"))
               .expectActiveSagas(1);
    }

    @Test
    void cancellationAfterPaymentTimeoutReleasesReservationsAndKeepsWaitingForOutcome() {
        givenPaymentRequested();
        fixture.andThenTimeElapses(PAST_PAYMENT_TIMEOUT);

        fixture.whenPublishingA(new OrderCancelled(ORDER, "No payment outcome in time"))
               .expectDispatchedCommands(new ReleaseReservation(MUG, ORDER), new ReleaseReservation(TEA, ORDER))
               .expectScheduledDeadlineWithName(PAYMENT_TIMEOUT, OrderFulfilment.PAYMENT_TIMEOUT)
               .expectActiveSagas(1);
    }

    @Test
    void lateAuthorizationAfterTimeoutCancellationIsVoided() {
        PaymentId payment = givenPaymentRequested();
        fixture.andThenTimeElapses(PAST_PAYMENT_TIMEOUT)
               .andThenAPublished(new OrderCancelled(ORDER, "No payment outcome in time"));

        fixture.whenPublishingA(authorized(payment))
               .expectDispatchedCommandsMatching(exactly(voidOf(payment)))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    @Test
    void secondTimeoutAfterCancellationEndsFulfilment() {
        givenPaymentRequested();
        fixture.andThenTimeElapses(PAST_PAYMENT_TIMEOUT)
               .andThenAPublished(new OrderCancelled(ORDER, "No payment outcome in time"));

        fixture.whenTimeElapses(PAST_PAYMENT_TIMEOUT)
               .expectNoDispatchedCommands()
               .expectActiveSagas(0);
    }

    @Test
    void cancellationAfterConfirmationReleasesReservationsAndVoidsPayment() {
        PaymentId payment = givenPaymentRequested();
        fixture.andThenAPublished(authorized(payment));

        fixture.whenPublishingA(new OrderCancelled(ORDER, "customer changed mind"))
               .expectDispatchedCommandsMatching(exactly(
                       command(new ReleaseReservation(MUG, ORDER)),
                       command(new ReleaseReservation(TEA, ORDER)),
                       voidOf(payment)))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    @Test
    void cancellationWhileAwaitingPaymentReleasesReservationsAndWaitsForOutcome() {
        givenPaymentRequested();

        fixture.whenPublishingA(new OrderCancelled(ORDER, "customer changed mind"))
               .expectDispatchedCommands(new ReleaseReservation(MUG, ORDER), new ReleaseReservation(TEA, ORDER))
               .expectScheduledDeadlineWithName(PAYMENT_TIMEOUT, OrderFulfilment.PAYMENT_TIMEOUT)
               .expectActiveSagas(1);
    }

    @Test
    void lateDeclineAfterCancellationEndsFulfilmentWithoutVoiding() {
        PaymentId payment = givenPaymentRequested();
        fixture.andThenAPublished(new OrderCancelled(ORDER, "customer changed mind"));

        fixture.whenPublishingA(declined(payment))
               .expectNoDispatchedCommands()
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    @Test
    void refusedReleaseDoesNotStopOtherCompensations() {
        gateway.refuse(new ReleaseReservation(MUG, ORDER), new ReservationNotFound(MUG, ORDER));
        PaymentId payment = givenPaymentRequested();
        fixture.andThenAPublished(authorized(payment));

        fixture.whenPublishingA(new OrderCancelled(ORDER, "customer changed mind"))
               .expectDispatchedCommandsMatching(exactly(
                       command(new ReleaseReservation(MUG, ORDER)),
                       command(new ReleaseReservation(TEA, ORDER)),
                       voidOf(payment)))
               .expectActiveSagas(0);
    }

    private static OrderPlaced placed() {
        return new OrderPlaced(ORDER, CUSTOMER, LINES, TOTAL, TOKEN);
    }

    private static PaymentAuthorized authorized(PaymentId payment) {
        return new PaymentAuthorized(payment, ORDER, TOTAL, "auth-" + payment, "visa ****4242");
    }

    private static PaymentDeclined declined(PaymentId payment) {
        return new PaymentDeclined(payment, ORDER, TOTAL, "insufficient funds", "visa ****4242");
    }

    /** Places the order and returns the payment id the saga generated for it. */
    private PaymentId givenPaymentRequested() {
        fixture.givenAPublished(placed());
        return requestedPayment();
    }

    /** The id of the payment the saga asked for; it is generated inside the saga, so read from its command. */
    private PaymentId requestedPayment() {
        return fixture.getCommandBus().getDispatchedCommands().stream()
                      .map(CommandMessage::getPayload)
                      .filter(AuthorizePayment.class::isInstance)
                      .map(command -> ((AuthorizePayment) command).paymentId())
                      .reduce((first, second) -> {
                          throw new AssertionError("more than one payment requested");
                      })
                      .orElseThrow(() -> new AssertionError("no payment requested"));
    }

    @SafeVarargs
    @SuppressWarnings("unchecked")
    private static Matcher<List<Message<?>>> exactly(Matcher<Object>... commands) {
        List<Matcher<Object>> sequence = new ArrayList<>(List.of(commands));
        sequence.add(andNoMore());
        return payloadsMatching(exactSequenceOf(sequence.toArray(new Matcher[0])));
    }

    private static Matcher<Object> command(Object expected) {
        return CoreMatchers.equalTo(expected);
    }

    private static Matcher<Object> authorizationOfTotalWithToken() {
        return matching("AuthorizePayment of " + TOTAL + " for " + ORDER + " with the order's token",
                command -> command instanceof AuthorizePayment authorize
                        && authorize.orderId().equals(ORDER)
                        && authorize.amount().equals(TOTAL)
                        && TOKEN.equals(authorize.paymentMethodToken()));
    }

    private static Matcher<Object> cancellationBecause(String reasonStart) {
        return matching("CancelOrder of " + ORDER + " with a reason starting '" + reasonStart + "'",
                command -> command instanceof CancelOrder cancel
                        && cancel.orderId().equals(ORDER)
                        && cancel.reason().startsWith(reasonStart));
    }

    private static Matcher<Object> voidOf(PaymentId payment) {
        return matching("VoidPayment of " + payment,
                command -> command instanceof VoidPayment voidPayment && voidPayment.paymentId().equals(payment));
    }

    private static Matcher<Object> matching(String description, Predicate<Object> predicate) {
        return new CustomMatcher<>(description) {
            @Override
            public boolean matches(Object actual) {
                return predicate.test(actual);
            }
        };
    }

    /**
     * Answers every sendAndWait as done, except the commands it was told to refuse. The fixture's gateway proxy
     * records each command before asking this stub, and sends future-returning calls on its own bus.
     */
    static final class RefusingCommandGateway implements CommandGateway {

        private final Map<Object, RuntimeException> refusals = new HashMap<>();

        void refuse(Object command, RuntimeException refusal) {
            refusals.put(command, refusal);
        }

        @Override
        public <R> R sendAndWait(Object command) {
            RuntimeException refusal = refusals.get(command);
            if (refusal != null) {
                throw refusal;
            }
            return null;
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            return sendAndWait(command);
        }

        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            throw new UnsupportedOperationException("the fixture dispatches callback sends itself");
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            throw new UnsupportedOperationException("the fixture dispatches asynchronous sends itself");
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
            throw new UnsupportedOperationException("not used by the saga");
        }
    }
}
