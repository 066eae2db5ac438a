package io.ledgerline.launcher.localrun;

import io.ledgerline.postgres.LocalPostgres;
import io.ledgerline.postgres.PostgresServer;
import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 2xx means the write survives a crash: writes are acknowledged over HTTP, then every PostgreSQL
 * process and the local run's JVM are killed with SIGKILL right after the last answer; PostgreSQL
 * restarted on the same data directory holds every acknowledged event.
 */
class CrashDurabilityTest {

    private static final int WRITERS = 8;
    private static final int WRITES_EACH = 40;

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedWriteSurvivesKillingPostgresAndTheApps() throws Exception {
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        int postgresPort;
        try (LauncherProcess run = LauncherProcess.start(data.resolve("pgdata"))) {
            postgresPort = run.postgresPort;
            assertThat(run.output()).contains("durable: fsync=on, full_page_writes=on, synchronous_commit=on");
            HttpJson merchant = run.commands().as(run.token("merchant"));
            List<String> skus = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                String sku = "CRASH-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
                assertThat(merchant.post("/api/inventory", "{\"sku\":\"" + sku
                        + "\",\"name\":\"Crash test\",\"unitPrice\":\"1.00\",\"currency\":\"EUR\"}").status()).isEqualTo(201);
                skus.add(sku);
            }
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> done = new ArrayList<>();
            for (String sku : skus) {
                // a caller per writer, each well inside the per-caller rate limit
                HttpJson writer = run.commands().as(TestTokens.issue("writer-" + sku, "merchant"));
                done.add(writers.submit(() -> {
                    AtomicInteger ok = new AtomicInteger();
                    for (int i = 0; i < WRITES_EACH; i++) {
                        if (writer.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":1}").status() == 200) {
                            ok.incrementAndGet();
                        }
                    }
                    acknowledged.put(sku, ok.get());
                }));
            }
            for (Future<?> finished : done) {
                finished.get();
            }
            writers.shutdown();
            // at once after the last answer: no chance for a lazy flush to catch up
            List<ProcessHandle> postgres = run.postgresProcesses();
            postgres.forEach(ProcessHandle::destroyForcibly);
            run.process().destroyForcibly();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> postgres.stream().noneMatch(ProcessHandle::isAlive) && !run.process().isAlive());
        }

        assertThat(acknowledged.values()).allSatisfy(count -> assertThat(count).isEqualTo(WRITES_EACH));
        try (PostgresServer restarted = LocalPostgres.forLocalRun().port(postgresPort).dataDirectory(data.resolve("pgdata"))
                .start()) {
            assertThat(stockReceivedBySku(restarted)).containsExactlyInAnyOrderEntriesOf(acknowledged);
        }
    }

    private static Map<String, Integer> stockReceivedBySku(PostgresServer server) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("ledgerline"), server.username(),
                server.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT aggregate_identifier, count(*) FROM events.domain_event_entry "
                     + "WHERE payload_type LIKE '%.StockReceived' GROUP BY aggregate_identifier")) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getInt(2));
            }
        }
        return stored;
    }
}
