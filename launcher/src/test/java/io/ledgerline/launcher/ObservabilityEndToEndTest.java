package io.ledgerline.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator sees without a debugger: metrics that move, traces that cross processes, docs that exist. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityEndToEndTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    @Test
    void aCommandMovesTheCommandAndEventCountersAndTheProjectionsPublishTheirLag() {
        String sku = "MET-" + UUID.randomUUID().toString().substring(0, 8);
        system.commands.post("/api/inventory", "{\"sku\":\"" + sku + "\",\"name\":\"Meter\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");
        String received = "ledgerline_commands_seconds_count{command=\"ReceiveStock\",outcome=\"succeeded\"";
        String refused = "ledgerline_commands_seconds_count{command=\"ReserveStock\",outcome=\"rejected\"";
        String reserved = "ledgerline_commands_seconds_count{command=\"ReserveStock\",outcome=\"succeeded\"";
        String appended = "ledgerline_events_appended_total{type=\"StockReceived\"";
        String metricsBefore = system.commands.get("/actuator/prometheus").body();

        assertThat(system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}").status()).isEqualTo(200);
        assertThat(system.commands.post("/api/inventory/" + sku + "/reservations", "{\"orderId\":\"o-met\",\"quantity\":5}")
                .status()).isEqualTo(409);

        String metrics = system.commands.get("/actuator/prometheus").body();
        assertThat(counter(metrics, received)).isEqualTo(counter(metricsBefore, received) + 1);
        assertThat(counter(metrics, refused)).isEqualTo(counter(metricsBefore, refused) + 1);
        assertThat(counter(metrics, reserved)).isEqualTo(counter(metricsBefore, reserved));
        assertThat(counter(metrics, appended)).isEqualTo(counter(metricsBefore, appended) + 1);
        assertThat(metrics).contains("http_server_requests_seconds_count").contains("ledgerline_sagas_active");
        // A model's gauges are registered one after the other: wait for the last of them.
        String projections = await().atMost(Duration.ofSeconds(20)).until(() -> system.ops.get("/actuator/prometheus").body(),
                body -> body.contains("ledgerline_projection_dead_letters{model=\"inventory\""));
        assertThat(projections).contains("ledgerline_projection_lag_events{model=\"inventory\"");
        assertThat(system.commands.as(TestTokens.issue("rita", "reporter")).get("/actuator/prometheus").status()).isEqualTo(403);
    }

    @Test
    void aTraceStartedByTheClientReachesTheEventAndTheProjectionThatHandlesIt(CapturedOutput output) {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String sku = "TRC-" + UUID.randomUUID().toString().substring(0, 8);

        HttpJson.Response registered = system.commands.post("/api/inventory",
                "{\"sku\":\"" + sku + "\",\"name\":\"Traced\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}",
                "traceparent", "00-" + traceId + "-b7ad6b7169203331-01");
        system.awaitQuery("/api/inventory/" + sku, r -> true);

        assertThat(registered.header("X-Request-Id")).isEqualTo(traceId);
        JsonNode metadata = system.queries.get("/api/audit/streams/" + sku).json().path("events").get(0).path("metadata");
        assertThat(metadata.path("traceparent").asText()).contains(traceId);
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().lines()
                .anyMatch(line -> line.contains(traceId) && line.contains("handled ProductRegistered")));
    }

    @Test
    void everyAppDescribesItsApiAndReportsItsVersion() {
        JsonNode commands = system.commands.as(null).get("/v3/api-docs").json();
        JsonNode queries = system.queries.as(null).get("/v3/api-docs").json();

        assertThat(commands.path("paths").has("/api/orders")).isTrue();
        assertThat(commands.path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(queries.path("paths").has("/api/audit/streams/{aggregateId}")).isTrue();
        assertThat(system.ops.as(null).get("/v3/api-docs").json().path("paths").has("/ops/projections")).isTrue();
        assertThat(system.commands.as(null).get("/actuator/info").status()).isEqualTo(200);
    }

    private static double counter(String metrics, String prefix) {
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
