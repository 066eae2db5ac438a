package io.ledgerline.launcher;

import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two projection processes on one database: they share the segments, and when one is killed
 * (SIGKILL, no goodbye) the other takes its segments over. The read model then equals a clean rebuild.
 */
class ScaleOutEndToEndTest {

    private static final String PROCESSOR = "inventory-g1";
    private static TestDatabases.TestDatabase db;
    private static LocalSystem system;
    private static JdbcClient jdbc;
    private static HttpJson commands;
    private static HttpJson queries;
    private static HttpJson ops;
    private static Process second;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabases.create();
        Map<String, String> settings = Map.of("spring.datasource.url", db.url(),
                "spring.datasource.username", db.username(), "spring.datasource.password", db.password(),
                "axon.eventhandling.tokenstore.claim-timeout", "3s");
        system = LocalSystem.start(settings, 0, 0, 0);
        jdbc = JdbcClient.create(new DriverManagerDataSource(db.url(), db.username(), db.password()));
        commands = HttpJson.onPort(system.commandPort());
        queries = HttpJson.onPort(system.queryPort());
        ops = HttpJson.onPort(system.projectionsPort());
        second = startSecondProjectionsProcess(settings);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.destroyForcibly();
        }
        system.close();
    }

    @Test
    void twoProcessesShareTheSegmentsAndTheSurvivorTakesOverWhenOneIsKilled() throws Exception {
        Map<Integer, String> owners = await().atMost(Duration.ofSeconds(60)).until(ScaleOutEndToEndTest::owners,
                segments -> segments.size() == 4 && Set.copyOf(segments.values()).size() == 2
                        && !segments.containsValue(null));
        assertThat(owners.values()).contains(ManagementFactory.getRuntimeMXBean().getName());
        products("SCALE-A", 20);

        second.destroyForcibly();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        products("SCALE-B", 20);

        await().atMost(Duration.ofSeconds(60)).until(ScaleOutEndToEndTest::owners,
                segments -> Set.copyOf(segments.values()).equals(Set.of(ManagementFactory.getRuntimeMXBean().getName())));
        String list = "/api/inventory?skuPrefix=SCALE&limit=200";
        HttpJson.Response beforeRebuild = await().atMost(Duration.ofSeconds(30)).until(() -> queries.get(list),
                r -> r.json().path("items").size() == 40);

        assertThat(ops.post("/ops/projections/inventory/rebuild", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> ops.get("/ops/projections/inventory").json(),
                status -> status.path("live").path("generation").asInt() == 2 && !status.hasNonNull("rebuild"));
        assertThat(queries.get(list).json().path("items")).isEqualTo(beforeRebuild.json().path("items"));
    }

    private static void products(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(commands.post("/api/inventory", "{\"sku\":\"" + sku
                    + "\",\"name\":\"Shared\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}").status()).isEqualTo(201);
            assertThat(commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":" + (i + 1) + "}").status())
                    .isEqualTo(200);
        }
    }

    private static Map<Integer, String> owners() {
        return jdbc.sql("SELECT segment, owner FROM read.token_entry WHERE processor_name = ?")
                .param(PROCESSOR)
                .query((rs, row) -> new Object[] {rs.getInt("segment"), rs.getString("owner")})
                .list().stream()
                .collect(Collectors.toMap(r -> (Integer) r[0], r -> r[1] == null ? "" : (String) r[1]));
    }

    private static Process startSecondProjectionsProcess(Map<String, String> settings) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx384m", "-cp",
                System.getProperty("java.class.path"), "io.ledgerline.projections.ProjectionsApplication",
                "--server.port=" + port));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        File log = Path.of("target", "second-projections-process.log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }
}
