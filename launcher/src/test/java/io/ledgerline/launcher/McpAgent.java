package io.ledgerline.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** An AI agent's view of the MCP server: the SDK's own client over streamable HTTP, with one bearer token. */
final class McpAgent implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final McpSyncClient client;

    private McpAgent(McpSyncClient client) {
        this.client = client;
    }

    /** Connects and initializes; {@code token} null sends no Authorization header. */
    static McpAgent connect(int port, String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://localhost:" + port)
                .endpoint("/mcp")
                .addHttpRequestCustomizer((request, method, uri, body, context) -> {
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                })
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("ledgerline-test-agent", "1.0").build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return new McpAgent(client);
    }

    McpSyncClient client() {
        return client;
    }

    /** Calls a tool with these arguments. */
    Result call(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
        String text = result.content().stream().filter(McpSchema.TextContent.class::isInstance)
                .map(content -> ((McpSchema.TextContent) content).text()).collect(Collectors.joining("\n"));
        return new Result(Boolean.TRUE.equals(result.isError()),
                result.structuredContent() == null ? JSON.missingNode() : JSON.valueToTree(result.structuredContent()),
                text);
    }

    @Override
    public void close() {
        client.close();
    }

    /** A tool result: whether it is an error, its structured content and its text. */
    record Result(boolean error, JsonNode json, String text) {

        String field(String name) {
            return json.path(name).asText();
        }

        /** The problem type of an error result. */
        String problem() {
            return json.path("type").asText();
        }
    }
}
