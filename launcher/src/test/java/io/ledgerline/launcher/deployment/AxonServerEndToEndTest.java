package io.ledgerline.launcher.deployment;

import io.ledgerline.launcher.LocalSystem;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.ledgerline.launcher.deployment.Deployment.AXON_SERVER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The docker-compose topology in a test: PostgreSQL and Axon Server in containers (the images
 * docker-compose.yml names), the three apps with the {@code axonserver} profile. Skipped where there
 * is no Docker, which includes the development machines.
 */
@Testcontainers(disabledWithoutDocker = true)
class AxonServerEndToEndTest {

    private static final int AXON_SERVER_GRPC = 8124;
    private static final int AXON_SERVER_HTTP = 8024;

    @Container
    private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer(
            DockerImageName.parse(Deployment.image("postgres")).asCompatibleSubstituteFor("postgres"))
            .withDatabaseName("ledgerline")
            .withCommand("postgres", "-c", "max_connections=300");

    @Container
    private static final GenericContainer<?> AXON_SERVER = new GenericContainer<>(
            DockerImageName.parse(Deployment.image("axonserver")))
            // Standalone: the "default" context exists without manual initialisation, as in docker-compose.
            .withEnv("AXONIQ_AXONSERVER_STANDALONE", Deployment.environment("axonserver").get("AXONIQ_AXONSERVER_STANDALONE"))
            .withEnv("AXONIQ_AXONSERVER_DEVMODE_ENABLED", "true")
            .withExposedPorts(AXON_SERVER_HTTP, AXON_SERVER_GRPC)
            .waitingFor(Wait.forHttp("/actuator/health").forPort(AXON_SERVER_HTTP)
                    .withStartupTimeout(Duration.ofMinutes(2)));

    private static LocalSystem system;
    private static HttpJson commands;
    private static HttpJson queries;
    private static JdbcClient database;

    @BeforeAll
    static void start() {
        system = LocalSystem.start(Map.of(
                "spring.datasource.url", POSTGRES.getJdbcUrl(),
                "spring.datasource.username", POSTGRES.getUsername(),
                "spring.datasource.password", POSTGRES.getPassword(),
                "spring.profiles.active", AXON_SERVER_PROFILE,
                "axon.axonserver.servers", AXON_SERVER.getHost() + ":" + AXON_SERVER.getMappedPort(AXON_SERVER_GRPC)),
                0, 0, 0);
        commands = HttpJson.onPort(system.commandPort());
        queries = HttpJson.onPort(system.queryPort());
        database = JdbcClient.create(new DriverManagerDataSource(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(),
                POSTGRES.getPassword()));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anOrderPlacedThroughAxonServerIsFulfilledAndShowsUpInTheQueryApi() {
        String sku = "AS-" + UUID.randomUUID().toString().substring(0, 8);
        ok(commands.post("/api/inventory",
                "{\"sku\":\"" + sku + "\",\"name\":\"Lamp\",\"unitPrice\":\"19.99\",\"currency\":\"EUR\"}"));
        ok(commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":10}"));
        HttpJson.Response placed = ok(commands.post("/api/orders", """
                {"customerId":"as-customer","currency":"EUR","lines":[{"sku":"%s","quantity":2,"unitPrice":"19.99"}],
                 "payment":{"paymentMethodToken":"tok_visa"}}""".formatted(sku),
                "Idempotency-Key", HttpJson.newKey()));
        String orderId = placed.field("orderId");

        // The store's head after the write: it covers the write, so minPosition reads it.
        assertThat(placed.json().path("position").isNumber()).isTrue();
        HttpJson.Response listed = ok(queries.get("/api/orders?customerId=as-customer&minPosition="
                + placed.json().path("position").asLong()));
        assertThat(listed.body()).contains(orderId);

        HttpJson.Response order = awaitQuery("/api/orders/" + orderId, r -> r.field("status").equals("CONFIRMED"));
        assertThat(order.field("total")).isEqualTo("39.98");
        HttpJson.Response stock = awaitQuery("/api/inventory/" + sku, r -> r.json().path("reserved").asInt() == 2);
        assertThat(stock.json().path("available").asInt()).isEqualTo(8);

        long inPostgres = database.sql("SELECT count(*) FROM events.domain_event_entry WHERE aggregate_identifier = ?")
                .param(orderId).query(Long.class).single();
        assertThat(inPostgres).as("the events live in Axon Server").isZero();
    }

    @Test
    void refusedCommandsAnswerWithTheirProblemTypesAsInTheJdbcMode() {
        String sku = "AS-" + UUID.randomUUID().toString().substring(0, 8);
        String product = "{\"sku\":\"" + sku + "\",\"name\":\"Lamp\",\"unitPrice\":\"19.99\",\"currency\":\"EUR\"}";
        ok(commands.post("/api/inventory", product));

        assertProblem(commands.post("/api/inventory", product), 409, "already-exists");
        assertProblem(commands.post("/api/inventory/" + sku + "/reservations", "{\"orderId\":\"o-as\",\"quantity\":3}"),
                409, "insufficient-stock");
        assertProblem(commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}", "If-Match", "\"7\""),
                409, "version-conflict");
        assertProblem(commands.post("/api/orders/" + UUID.randomUUID() + "/confirm", null), 404, "not-found");
        String key = HttpJson.newKey();
        ok(commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}", "Idempotency-Key", key));
        assertProblem(commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":2}", "Idempotency-Key", key),
                422, "idempotency-key-reused");
    }

    @Test
    void aRetryAfterTheKeyWasLostDoesNotCaptureTwice() {
        String paymentId = ok(commands.post("/api/payments",
                "{\"orderId\":\"o-as-pay\",\"amount\":\"30.00\",\"currency\":\"EUR\",\"paymentMethodToken\":\"tok_ok\"}",
                "Idempotency-Key", HttpJson.newKey())).field("paymentId");
        String key = HttpJson.newKey();
        String capture = "{\"amount\":\"10.00\",\"currency\":\"EUR\"}";
        HttpJson.Response first = ok(commands.post("/api/payments/" + paymentId + "/capture", capture, "Idempotency-Key", key));
        HttpJson.Response replayed = ok(commands.post("/api/payments/" + paymentId + "/capture", capture, "Idempotency-Key", key));
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        // What a crash between Axon Server's append and the key's commit leaves: the events, no key.
        assertThat(database.sql("DELETE FROM events.idempotency_keys WHERE idempotency_key = ?").param(key).update())
                .isEqualTo(1);

        HttpJson.Response recovered = ok(commands.post("/api/payments/" + paymentId + "/capture", capture,
                "Idempotency-Key", key));

        assertThat(recovered.body()).isEqualTo(first.body());
        assertThat(recovered.etag()).isEqualTo(first.etag());
        HttpJson.Response history = ok(queries.get("/api/audit/streams/" + paymentId));
        assertThat(history.json().path("events")).extracting(event -> event.path("type").asText())
                .containsExactly("PaymentAuthorized", "PaymentCaptured");
    }

    @Test
    void theAuditApiReadsAxonServer() {
        String sku = "AS-" + UUID.randomUUID().toString().substring(0, 8);
        String requestId = "req-" + UUID.randomUUID();
        ok(commands.post("/api/inventory",
                "{\"sku\":\"" + sku + "\",\"name\":\"Lamp\",\"unitPrice\":\"19.99\",\"currency\":\"EUR\"}"));
        ok(commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":4}", "X-Request-Id", requestId));

        HttpJson.Response history = ok(queries.get("/api/audit/streams/" + sku));
        assertThat(history.json().path("events")).extracting(event -> event.path("type").asText())
                .containsExactly("ProductRegistered", "StockReceived");
        assertThat(ok(queries.get("/api/audit/streams/" + sku + "/verify")).json().path("valid").asBoolean()).isTrue();
        assertThat(ok(queries.get("/api/audit/streams/" + sku + "/state?version=1")).json().path("state").path("onHand")
                .asInt()).isEqualTo(4);
        HttpJson.Response correlation = ok(queries.get("/api/audit/correlations/" + requestId));
        assertThat(correlation.json().path("events")).singleElement()
                .satisfies(event -> assertThat(event.path("position").isNumber()).isTrue());
        HttpJson.Response exported = ok(queries.get("/api/audit/export"));
        assertThat(exported.body()).contains(sku).contains("\"summary\"");
    }

    private static void assertProblem(HttpJson.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.field("type")).isEqualTo("urn:ledgerline:problem:" + type);
    }

    private static HttpJson.Response awaitQuery(String path, Predicate<HttpJson.Response> visible) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> queries.get(path), response -> response.status() == 200 && visible.test(response));
    }

    private static HttpJson.Response ok(HttpJson.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response;
    }
}
