package io.ledgerline.mcp;

import io.ledgerline.testsupport.TestTokens;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP server alone, with nothing listening where the REST APIs should be: it starts without a
 * database or Axon, lists its tools, and a tool whose API cannot be reached answers a clear error
 * result, never an exception or an internal address.
 */
class UnreachableApiTest {

    private static ConfigurableApplicationContext app;
    private static McpSyncClient agent;

    @BeforeAll
    static void start() throws IOException {
        String nowhere = "http://localhost:" + closedPort();
        app = McpServerApplication.builder().run("--server.port=0", "--ledgerline.mcp.command-url=" + nowhere,
                "--ledgerline.mcp.query-url=" + nowhere, "--ledgerline.mcp.projections-url=" + nowhere,
                "--ledgerline.mcp.timeout=PT2S");
        String token = TestTokens.issue("rita", "reporter");
        agent = McpClient.sync(HttpClientStreamableHttpTransport
                .builder("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                .endpoint("/mcp")
                .addHttpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                .build()).build();
        agent.initialize();
    }

    @AfterAll
    static void stop() {
        agent.close();
        app.close();
    }

    @Test
    void startsWithoutADatabaseAndListsItsTools() {
        assertThat(app.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
        assertThat(agent.listTools().tools()).hasSize(11);
    }

    @Test
    void aToolWhoseApiCannotBeReachedAnswersAClearErrorResult() {
        McpSchema.CallToolResult result = agent.callTool(McpSchema.CallToolRequest.builder("get_stock")
                .arguments(Map.of("sku", "LAMP-1")).build());

        assertThat(result.isError()).isTrue();
        Map<?, ?> problem = (Map<?, ?>) result.structuredContent();
        assertThat(problem.get("type")).isEqualTo("urn:ledgerline:problem:internal-error");
        assertThat(problem.get("status")).isEqualTo(503);
        assertThat(problem.get("detail").toString()).contains("query side").doesNotContain("localhost");
        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).doesNotContain("Exception");
    }

    /** A port nothing listens on: bound once to find it, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
