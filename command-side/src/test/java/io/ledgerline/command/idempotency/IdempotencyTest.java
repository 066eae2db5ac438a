package io.ledgerline.command.idempotency;

import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key semantics over HTTP against the real app and event store. */
class IdempotencyTest extends CommandSideTest {

    private static final String KEY = "Idempotency-Key";

    @Autowired
    DataSource dataSource;

    @Test
    void theSameRequestWithTheSameKeyIsAnsweredTheSameAndWrittenOnce() {
        String sku = registerProduct();
        String key = HttpJson.newKey();
        String body = order(sku, "idem-once");

        HttpJson.Response first = http.post("/api/orders", body, KEY, key);
        HttpJson.Response second = http.post("/api/orders", body, KEY, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.etag()).isEqualTo(first.etag());
        assertThat(ordersOf("idem-once")).isEqualTo(1);
    }

    @Test
    void twentyParallelRequestsWithOneKeyGetIdenticalAnswersAndOneSetOfEvents() throws Exception {
        String sku = registerProduct();
        String key = HttpJson.newKey();
        String body = order(sku, "idem-parallel");
        List<HttpJson.Response> responses = Race.repeat(20, () -> http.post("/api/orders", body, KEY, key));

        assertThat(responses).extracting(HttpJson.Response::status).containsOnly(201);
        assertThat(responses).extracting(HttpJson.Response::body).containsOnly(responses.get(0).body());
        assertThat(ordersOf("idem-parallel")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentRequestIs422AndWritesNothing() {
        String sku = registerProduct();
        String key = HttpJson.newKey();
        http.post("/api/orders", order(sku, "idem-reuse"), KEY, key);

        HttpJson.Response reused = http.post("/api/orders", order(sku, "idem-reuse-other"), KEY, key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.field("type")).isEqualTo("urn:ledgerline:problem:idempotency-key-reused");
        assertThat(ordersOf("idem-reuse-other")).isZero();
    }

    @Test
    void aKeyHeldByARequestStillRunningIs409InProgressAndFreeOnceThatRequestIsGone() throws Exception {
        String sku = registerProduct();
        String key = HttpJson.newKey();
        String receipt = "{\"quantity\":2}";

        // Another request under this key has claimed it and not finished: its transaction holds the row.
        HttpJson.Response busy;
        try (Connection running = dataSource.getConnection()) {
            running.setAutoCommit(false);
            try (PreparedStatement claim = running.prepareStatement("INSERT INTO events.idempotency_keys "
                    + "(principal, idempotency_key, request_hash) VALUES ('test-operator', ?, 'first-request')")) {
                claim.setString(1, key);
                claim.executeUpdate();
            }
            busy = http.post("/api/inventory/" + sku + "/receipts", receipt, KEY, key);
            running.rollback();
        }
        HttpJson.Response afterwards = http.post("/api/inventory/" + sku + "/receipts", receipt, KEY, key);

        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.field("type")).isEqualTo("urn:ledgerline:problem:idempotency-key-in-progress");
        assertThat(busy.header("Retry-After")).isEqualTo("1");
        assertThat(afterwards.status()).isEqualTo(200);
        assertThat(afterwards.header("Idempotent-Replayed")).isNull();
        assertThat(eventsOf(sku)).extracting(StoredEvent::simpleType).containsExactly("ProductRegistered", "StockReceived");
    }

    @Test
    void aRefusedCommandIsReplayedAsTheSameRefusal() {
        String sku = registerProduct();
        String key = HttpJson.newKey();
        String reservation = "{\"orderId\":\"o-idem\",\"quantity\":5}";

        HttpJson.Response first = http.post("/api/inventory/" + sku + "/reservations", reservation, KEY, key);
        http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":10}");
        HttpJson.Response retried = http.post("/api/inventory/" + sku + "/reservations", reservation, KEY, key);

        assertThat(first.status()).isEqualTo(409);
        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(eventsOf(sku)).extracting(StoredEvent::simpleType).doesNotContain("StockReserved");
    }

    @Test
    void aRetriedCaptureNeverCapturesTwice() {
        String paymentId = http.post("/api/payments",
                "{\"orderId\":\"o-cap\",\"amount\":\"30.00\",\"currency\":\"EUR\",\"paymentMethodToken\":\"tok_ok\"}",
                KEY, HttpJson.newKey()).field("paymentId");
        String key = HttpJson.newKey();

        HttpJson.Response first = http.post("/api/payments/" + paymentId + "/capture",
                "{\"amount\":\"10.00\",\"currency\":\"EUR\"}", KEY, key);
        HttpJson.Response retried = http.post("/api/payments/" + paymentId + "/capture",
                "{\"amount\":\"10.00\",\"currency\":\"EUR\"}", KEY, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(eventsOf(paymentId)).extracting(StoredEvent::simpleType)
                .containsExactly("PaymentAuthorized", "PaymentCaptured");
    }

    @Test
    void orderPlacementAndMoneyMovementsRequireAKeyOtherWritesDoNot() {
        String sku = registerProduct();

        HttpJson.Response withoutKey = http.post("/api/orders", order(sku, "idem-missing"));
        HttpJson.Response receiptWithoutKey = http.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}");

        assertThat(withoutKey.status()).isEqualTo(400);
        assertThat(withoutKey.field("type")).isEqualTo("urn:ledgerline:problem:missing-header");
        assertThat(http.post("/api/payments/p-1/capture", "{\"amount\":\"1\",\"currency\":\"EUR\"}").status())
                .isEqualTo(400);
        assertThat(ordersOf("idem-missing")).isZero();
        assertThat(receiptWithoutKey.status()).isEqualTo(200);
    }

    @Test
    void aKeyThatIsNotPrintableAsciiIsRefused() {
        HttpJson.Response response = http.post("/api/inventory/X/receipts", "{\"quantity\":1}", KEY, "has space");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.field("type")).isEqualTo("urn:ledgerline:problem:invalid-value");
    }

    private static String order(String sku, String customer) {
        return """
                {"customerId":"%s","currency":"EUR","lines":[{"sku":"%s","quantity":1,"unitPrice":"19.99"}]}"""
                .formatted(customer, sku);
    }

    private long ordersOf(String customer) {
        return jdbc.sql("""
                        SELECT count(*) FROM events.domain_event_entry
                        WHERE payload_type = 'io.ledgerline.domain.order.OrderPlaced'
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'customerId' = ?""")
                .param(customer)
                .query(Long.class)
                .single();
    }
}
