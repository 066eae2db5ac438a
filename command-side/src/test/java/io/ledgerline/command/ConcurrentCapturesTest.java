package io.ledgerline.command;

import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.Race;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Money never moves past its limits, however many requests race for it. */
class ConcurrentCapturesTest extends CommandSideTest {

    @Test
    void concurrentCapturesTotallingMoreThanAuthorizedNeverCaptureMoreThanAuthorized() throws Exception {
        String paymentId = http.post("/api/payments",
                "{\"orderId\":\"o-race\",\"amount\":\"100.00\",\"currency\":\"EUR\",\"paymentMethodToken\":\"tok_ok\"}",
                "Idempotency-Key", HttpJson.newKey()).field("paymentId");

        List<HttpJson.Response> responses = Race.repeat(12, () -> http.post("/api/payments/" + paymentId + "/capture",
                "{\"amount\":\"15.00\",\"currency\":\"EUR\"}", "Idempotency-Key", HttpJson.newKey()));

        assertThat(responses).extracting(HttpJson.Response::status).containsOnly(200, 409);
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(6);
        assertThat(responses).filteredOn(r -> r.status() == 409).extracting(r -> r.field("type"))
                .containsOnly("urn:ledgerline:problem:capture-exceeds-authorized");
        List<StoredEvent> captures = eventsOf(paymentId).stream()
                .filter(event -> event.simpleType().equals("PaymentCaptured")).toList();
        assertThat(captures).hasSize(6);
        assertThat(captures.get(5).payload()).contains("\"capturedTotal\":{\"minorUnits\":9000");
    }
}
