package io.ledgerline.launcher;

import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The whole system, started once per test JVM on its own database and shared by the end-to-end
 * tests: a client's and a reporting tool's view, the MCP server for agents, plus SQL access to check what was stored.
 */
final class RunningSystem {

    private static RunningSystem instance;

    final HttpJson commands;
    final HttpJson queries;
    final HttpJson ops;
    final String console;
    final String opsUrl;
    final int mcpPort;
    final JdbcClient database;
    final TestDatabases.TestDatabase connection;

    private RunningSystem(LocalSystem system, TestDatabases.TestDatabase db) {
        this.commands = HttpJson.onPort(system.commandPort());
        this.queries = HttpJson.onPort(system.queryPort());
        this.ops = HttpJson.onPort(system.projectionsPort());
        this.console = system.consoleUrl();
        this.opsUrl = "http://localhost:" + system.projectionsPort();
        this.mcpPort = system.mcpPort();
        this.connection = db;
        this.database = JdbcClient.create(new DriverManagerDataSource(db.url(), db.username(), db.password()));
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            TestDatabases.TestDatabase db = TestDatabases.create();
            LocalSystem system = LocalSystem.start(Map.of("spring.datasource.url", db.url(),
                    "spring.datasource.username", db.username(),
                    "spring.datasource.password", db.password(),
                    "ledgerline.fulfilment.payment-timeout", "PT30S",
                    "ledgerline.projections.retired-grace", "PT2S",
                    "logging.level.io.ledgerline.projections.runtime.BatchingEventHandler", "DEBUG"), Map.of(), 0, 0, 0, 0);
            TestDatabases.closeBeforeServer(system);
            instance = new RunningSystem(system, db);
        }
        return instance;
    }

    /** Polls the query side until the response is a 200 that satisfies {@code visible}. */
    HttpJson.Response awaitQuery(String path, Predicate<HttpJson.Response> visible) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> queries.get(path), response -> response.status() == 200 && visible.test(response));
    }

    /** How many events of a type an aggregate has in the store. */
    long events(String aggregateId, String simpleType) {
        return database.sql("SELECT count(*) FROM events.domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type LIKE ?")
                .params(aggregateId, "%." + simpleType)
                .query(Long.class)
                .single();
    }
}
