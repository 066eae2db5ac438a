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

        // Documented limit of this mode: the event's position is looked up in PostgreSQL, where there is none.
        assertThat(placed.json().has("position")).isFalse();

        HttpJson.Response order = awaitQuery("/api/orders/" + orderId, r -> r.field("status").equals("CONFIRMED"));
        assertThat(order.field("total")).isEqualTo("39.98");
        HttpJson.Response stock = awaitQuery("/api/inventory/" + sku, r -> r.json().path("reserved").asInt() == 2);
        assertThat(stock.json().path("available").asInt()).isEqualTo(8);

        long inPostgres = database.sql("SELECT count(*) FROM events.domain_event_entry WHERE aggregate_identifier = ?")
                .param(orderId).query(Long.class).single();
        assertThat(inPostgres).as("the events live in Axon Server").isZero();
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
