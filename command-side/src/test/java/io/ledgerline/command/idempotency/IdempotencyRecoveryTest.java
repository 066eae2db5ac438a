package io.ledgerline.command.idempotency;

import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A retry after the key's stored response was lost, as happens with Axon Server when an instance
 * dies between appending a command's events and committing the key: the events are there, with
 * the key and the request's fingerprint in their metadata, but the key is free. Simulated here on
 * the JDBC store by deleting the key's row after the first attempt. The retry must not run the
 * command again, and must answer as the first attempt did.
 */
class IdempotencyRecoveryTest extends CommandSideTest {

    private static final String KEY = "Idempotency-Key";
    private static final String PRINCIPAL = "test-operator";

    @Test
    void aPaymentAuthorizedBeforeTheCrashIsNotAuthorizedAgain() {
        String key = HttpJson.newKey();
        String body = "{\"orderId\":\"o-recover\",\"amount\":\"30.00\",\"currency\":\"EUR\",\"paymentMethodToken\":\"tok_ok\"}";
        HttpJson.Response first = http.post("/api/payments", body, KEY, key);
        forgetKey(key);

        HttpJson.Response retried = http.post("/api/payments", body, KEY, key);

        assertThat(first.status()).isEqualTo(201);
        assertSameAnswer(retried, first);
        assertThat(eventsOf(first.field("paymentId"))).extracting(StoredEvent::simpleType)
                .containsExactly("PaymentAuthorized");
        assertThat(storedStatus(key)).isEqualTo(201);
    }

    @Test
    void aDeclineIsAnsweredAsTheSameDecline() {
        String key = HttpJson.newKey();
        String body = "{\"orderId\":\"o-recover-decline\",\"amount\":\"5.00\",\"currency\":\"EUR\","
                + "\"paymentMethodToken\":\"tok_decline_expired_card\"}";
        HttpJson.Response first = http.post("/api/payments", body, KEY, key);
        forgetKey(key);

        HttpJson.Response retried = http.post("/api/payments", body, KEY, key);

        assertThat(first.field("status")).isEqualTo("DECLINED");
        assertSameAnswer(retried, first);
        assertThat(eventsOf(first.field("paymentId"))).extracting(StoredEvent::simpleType)
                .containsExactly("PaymentDeclined");
    }

    @Test
    void aCaptureMadeBeforeTheCrashIsNotMadeAgain() {
        String paymentId = http.post("/api/payments",
                "{\"orderId\":\"o-recover-cap\",\"amount\":\"30.00\",\"currency\":\"EUR\",\"paymentMethodToken\":\"tok_ok\"}",
                KEY, HttpJson.newKey()).field("paymentId");
        String key = HttpJson.newKey();
        String capture = "{\"amount\":\"10.00\",\"currency\":\"EUR\"}";
        HttpJson.Response first = http.post("/api/payments/" + paymentId + "/capture", capture, KEY, key);
        forgetKey(key);

        HttpJson.Response retried = http.post("/api/payments/" + paymentId + "/capture", capture, KEY, key);

        assertThat(first.status()).isEqualTo(200);
        assertSameAnswer(retried, first);
        assertThat(eventsOf(paymentId)).extracting(StoredEvent::simpleType)
                .containsExactly("PaymentAuthorized", "PaymentCaptured");
    }

    @Test
    void anOrderPlacedBeforeTheCrashIsNotPlacedAgainThoughFulfilmentMovedItOn() {
        String sku = registerProduct();
        http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":5}");
        String key = HttpJson.newKey();
        String body = """
                {"customerId":"recover-auto","currency":"EUR","lines":[{"sku":"%s","quantity":1,"unitPrice":"19.99"}],
                 "payment":{"paymentMethodToken":"tok_ok"}}""".formatted(sku);
        HttpJson.Response first = http.post("/api/orders", body, KEY, key);
        String orderId = first.field("orderId");
        // the fulfilment process's events inherit the key; they are not the request's own
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(orderId).stream()
                .anyMatch(event -> event.simpleType().equals("OrderConfirmed")));
        assertThat(eventsOf(orderId).get(1).metaData()).contains(key).doesNotContain("idempotencyFingerprint");
        forgetKey(key);

        HttpJson.Response retried = http.post("/api/orders", body, KEY, key);

        assertThat(first.status()).isEqualTo(201);
        assertSameAnswer(retried, first);
        assertThat(retried.field("version")).isEqualTo("0");
        assertThat(eventsOf(orderId)).extracting(StoredEvent::simpleType).containsOnlyOnce("OrderPlaced");
    }

    @Test
    void theSameKeyForADifferentRequestIsRefusedAfterTheCrashToo() {
        String key = HttpJson.newKey();
        HttpJson.Response first = http.post("/api/payments",
                "{\"orderId\":\"o-recover-reuse\",\"amount\":\"30.00\",\"currency\":\"EUR\",\"paymentMethodToken\":\"tok_ok\"}",
                KEY, key);
        forgetKey(key);

        HttpJson.Response reused = http.post("/api/payments",
                "{\"orderId\":\"o-recover-reuse\",\"amount\":\"99.00\",\"currency\":\"EUR\",\"paymentMethodToken\":\"tok_ok\"}",
                KEY, key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.field("type")).isEqualTo("urn:ledgerline:problem:idempotency-key-reused");
        assertThat(eventsOf(first.field("paymentId"))).hasSize(1);
    }

    @Test
    void aCreatedAggregatesIdFollowsFromCallerKeyAndTarget() {
        assertThat(IdempotentIds.derived(PRINCIPAL, "k", "POST /api/payments"))
                .isEqualTo(IdempotentIds.derived(PRINCIPAL, "k", "POST /api/payments"))
                .isNotEqualTo(IdempotentIds.derived("someone-else", "k", "POST /api/payments"))
                .isNotEqualTo(IdempotentIds.derived(PRINCIPAL, "k2", "POST /api/payments"))
                .isNotEqualTo(IdempotentIds.derived(PRINCIPAL, "k", "POST /api/orders"));
        assertThat(java.util.UUID.fromString(IdempotentIds.derived(PRINCIPAL, "k", "POST /api/orders")).version())
                .isEqualTo(8);
    }

    private void assertSameAnswer(HttpJson.Response retried, HttpJson.Response first) {
        assertThat(retried.status()).isEqualTo(first.status());
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(retried.etag()).isEqualTo(first.etag());
        assertThat(retried.header("Location")).isEqualTo(first.header("Location"));
    }

    /** What a crash between the append and the key's commit leaves: the events, and no key. */
    private void forgetKey(String key) {
        assertThat(jdbc.sql("DELETE FROM events.idempotency_keys WHERE principal = ? AND idempotency_key = ?")
                .params(PRINCIPAL, key).update()).isEqualTo(1);
    }

    private Integer storedStatus(String key) {
        return jdbc.sql("SELECT response_status FROM events.idempotency_keys WHERE principal = ? AND idempotency_key = ?")
                .params(PRINCIPAL, key).query(Integer.class).single();
    }
}
