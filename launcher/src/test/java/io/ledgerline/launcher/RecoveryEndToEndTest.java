package io.ledgerline.launcher;

import io.ledgerline.postgres.LocalPostgres;
import io.ledgerline.postgres.PostgresServer;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The database goes away and comes back under running apps: they recover without a restart. */
class RecoveryEndToEndTest {

    @TempDir
    static Path data;
    private static int port;
    private static PostgresServer postgres;
    private static LocalSystem system;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        postgres = embedded();
        postgres.createDatabase("ledgerline");
        system = LocalSystem.start(Map.of("spring.datasource.url", postgres.jdbcUrl("ledgerline"),
                "spring.datasource.username", postgres.username(), "spring.datasource.password", postgres.password()),
                0, 0, 0);
    }

    @AfterAll
    static void stop() {
        system.close();
        postgres.close();
    }

    @Test
    void afterADatabaseOutageCommandsAndProjectionsWorkAgainWithoutARestart() {
        HttpJson commands = HttpJson.onPort(system.commandPort());
        HttpJson queries = HttpJson.onPort(system.queryPort());
        String before = product(commands);
        await().atMost(Duration.ofSeconds(20)).until(() -> queries.get("/api/inventory/" + before).status() == 200);

        postgres.close();
        HttpJson.Response duringOutage = commands.post("/api/inventory", register("DOWN-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(duringOutage.status()).isGreaterThanOrEqualTo(500);
        postgres = embedded();

        String after = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> product(commands), sku -> sku != null);
        await().atMost(Duration.ofSeconds(90)).until(() -> queries.get("/api/inventory/" + after).status() == 200);
        assertThat(queries.get("/api/inventory/" + before).status()).isEqualTo(200);
    }

    private static PostgresServer embedded() {
        return LocalPostgres.forLocalRun().port(port).dataDirectory(data).start();
    }

    private static String product(HttpJson commands) {
        String sku = "UP-" + UUID.randomUUID().toString().substring(0, 8);
        return commands.post("/api/inventory", register(sku)).status() == 201 ? sku : null;
    }

    private static String register(String sku) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"Resilient\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}";
    }
}
