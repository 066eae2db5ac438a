package io.ledgerline.launcher.localrun;

import io.ledgerline.testsupport.HttpJson;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The README's local run as a newcomer meets it: it starts durable and connects as the
 * application role, the walkthrough's roles hold, and Ctrl+C (here SIGTERM, the same path) stops
 * the apps before the database, without an error or a stack trace.
 */
class LocalRunTest {

    @TempDir
    Path data;

    @Test
    void runsAsTheApplicationRoleAndStopsCleanlyInOrder() throws Exception {
        Path pgdata = data.resolve("pgdata");
        try (LauncherProcess run = LauncherProcess.start(pgdata)) {
            assertThat(run.output()).contains("as ledgerline_app", "durable: fsync=on, full_page_writes=on, synchronous_commit=on",
                    "console       http://localhost:" + run.queryPort + "/console/");
            assertThat(new HttpJson("http://localhost:" + run.queryPort, null).get("/console/").status()).isEqualTo(200);
            String sku = walkThrough(run);
            assertLeastPrivilege(run, sku);
            assertEveryAppAnswersRefusedRequestsWithProblems(run);
            assertAnAgentReachesTheMcpServer(run, sku);
            int startOfStop = run.lines().size();

            // SIGTERM, as Ctrl+C's SIGINT takes the same path; Process.destroy() would also close its output
            run.process().toHandle().destroy();
            boolean exited = run.process().waitFor(60, TimeUnit.SECONDS);

            List<String> all = exited ? run.finalLines() : run.lines();
            List<String> stopping = all.subList(startOfStop, all.size());
            assertThat(exited).as("stopped within 60 s:\n%s", String.join("\n", stopping)).isTrue();
            assertThat(run.process().exitValue()).isEqualTo(128 + 15);
            assertThat(stopping).as("printed while stopping:\n%s", String.join("\n", all.subList(Math.max(0, all.size() - 40),
                    all.size()))).anyMatch(line -> line.contains("Stopped in"))
                    .noneMatch(line -> line.contains(" ERROR ") || line.contains("Exception") || line.startsWith("\tat "));
            assertThat(pgdata.resolve("postmaster.pid")).as("PostgreSQL shut down").doesNotExist();
            assertThat(Files.exists(pgdata.resolve("PG_VERSION"))).isTrue();
        }
    }

    /** The README's steps: the merchant stocks a product, a client orders it and it is fulfilled. */
    private static String walkThrough(LauncherProcess run) {
        String sku = "LAMP-" + UUID.randomUUID().toString().substring(0, 8);
        HttpJson merchant = run.commands().as(run.token("merchant"));
        HttpJson client = run.commands().as(run.token("c-1"));
        String product = "{\"sku\":\"" + sku + "\",\"name\":\"Desk lamp\",\"unitPrice\":\"19.99\",\"currency\":\"EUR\"}";
        assertThat(client.post("/api/inventory", product).status()).as("a client may not run the stock room").isEqualTo(403);
        assertThat(merchant.post("/api/inventory", product).status()).isEqualTo(201);
        assertThat(merchant.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":10}").status()).isEqualTo(200);
        HttpJson.Response placed = client.post("/api/orders", "{\"customerId\":\"c-1\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\""
                + sku + "\",\"quantity\":2,\"unitPrice\":\"19.99\"}],\"payment\":{\"paymentMethodToken\":\"tok_visa\"}}",
                "Idempotency-Key", HttpJson.newKey());
        assertThat(placed.status()).isEqualTo(201);
        String order = placed.field("orderId");
        HttpJson clientQueries = run.queries().as(run.token("c-1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> clientQueries.get("/api/orders/" + order).field("status"),
                "CONFIRMED"::equals);
        HttpJson otherClient = run.commands().as(run.token("c-2"));
        HttpJson.Response foreignPayment = otherClient.post("/api/payments", "{\"orderId\":\"" + order
                + "\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"paymentMethodToken\":\"tok_visa\"}", "Idempotency-Key",
                HttpJson.newKey());
        assertThat(foreignPayment.status()).as(foreignPayment.body()).isEqualTo(404);
        return sku;
    }

    /** The banner names the MCP server, and an agent with a reporter's token reads stock through it. */
    private static void assertAnAgentReachesTheMcpServer(LauncherProcess run, String sku) {
        assertThat(run.output()).contains("http://localhost:" + run.mcpPort + "/mcp");
        McpSyncClient agent = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://localhost:" + run.mcpPort)
                .endpoint("/mcp")
                .addHttpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + run.token("reporter")))
                .build()).build();
        try {
            agent.initialize();
            McpSchema.CallToolResult stock = agent.callTool(McpSchema.CallToolRequest.builder("get_stock")
                    .arguments(Map.of("sku", sku)).build());
            assertThat(stock.isError()).isFalse();
            assertThat(((Map<?, ?>) stock.structuredContent()).get("onHand")).isEqualTo(10);
        } finally {
            agent.close();
        }
    }

    /** What Tomcat or the security firewall refuses, on each of the four apps, is a problem detail too. */
    private static void assertEveryAppAnswersRefusedRequestsWithProblems(LauncherProcess run) {
        for (int port : new int[] {run.commandPort, run.projectionsPort, run.queryPort, run.mcpPort}) {
            HttpJson app = new HttpJson("http://localhost:" + port, null);
            for (String path : List.of("/api/orders/ab%00cd", "/api/orders/1%3B%20DROP%20TABLE%20read.orders",
                    "/api/" + "x".repeat(100_000))) {
                HttpJson.Response response = app.get(path);
                assertThat(response.status()).as("%s on port %d", path.substring(0, Math.min(path.length(), 24)), port).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.field("type")).isEqualTo("urn:ledgerline:problem:malformed-request");
            }
            HttpJson.Response anonymous = app.get("/api/orders");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
        }
    }

    /** The apps connect as ledgerline_app, which may not change or remove an event, nor own the event store. */
    private static void assertLeastPrivilege(LauncherProcess run, String sku) throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://localhost:" + run.postgresPort + "/ledgerline",
                "postgres", "postgres");
             Statement statement = admin.createStatement()) {
            assertThat(strings(statement, "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'ledgerline' "
                    + "AND backend_type = 'client backend' AND pid <> pg_backend_pid()")).containsExactly("ledgerline_app");
            assertThat(strings(statement, "SELECT tableowner FROM pg_tables WHERE schemaname = 'events' "
                    + "AND tablename = 'domain_event_entry'")).containsExactly("ledgerline_owner");
            assertThat(strings(statement, "SELECT has_table_privilege('ledgerline_app', 'events.domain_event_entry', 'UPDATE')::text"
                    + " || has_table_privilege('ledgerline_app', 'events.domain_event_entry', 'DELETE')::text"
                    + " || has_table_privilege('ledgerline_app', 'events.domain_event_entry', 'INSERT')::text"))
                    .containsExactly("falsefalsetrue");
            assertThat(strings(statement, "SELECT rolsuper::text FROM pg_roles WHERE rolname = 'ledgerline_app'"))
                    .containsExactly("false");
        }
        try (Connection app = DriverManager.getConnection("jdbc:postgresql://localhost:" + run.postgresPort + "/ledgerline",
                "ledgerline_app", "ledgerline_app");
             Statement statement = app.createStatement()) {
            assertThatThrownBy(() -> statement.execute("DELETE FROM events.domain_event_entry WHERE aggregate_identifier = '"
                    + sku + "'")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute(
                    "ALTER TABLE events.domain_event_entry DISABLE TRIGGER USER")).hasMessageContaining("must be owner");
        }
    }

    private static List<String> strings(Statement statement, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
