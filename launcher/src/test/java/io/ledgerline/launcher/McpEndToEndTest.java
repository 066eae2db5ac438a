package io.ledgerline.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.TestTokens;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * AI agents through the MCP server, with the SDK's own client, against the real apps on PostgreSQL:
 * every tool with valid and invalid arguments, refusals with REST's problem types, the same role
 * isolation as REST, and commands marked in their events as sent through MCP.
 */
class McpEndToEndTest {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static RunningSystem system;
    private static String customer;
    private static McpAgent client;
    private static McpAgent reporter;
    private static McpAgent auditor;
    private static McpAgent ops;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        customer = "c-mcp-" + UUID.randomUUID().toString().substring(0, 8);
        client = McpAgent.connect(system.mcpPort, TestTokens.issue(customer, "client"));
        reporter = McpAgent.connect(system.mcpPort, TestTokens.issue("rita", "reporter"));
        auditor = McpAgent.connect(system.mcpPort, TestTokens.issue("audrey", "auditor"));
        ops = McpAgent.connect(system.mcpPort, TestTokens.issue("oscar", "ops"));
    }

    @AfterAll
    static void stop() {
        for (McpAgent agent : new McpAgent[] {client, reporter, auditor, ops}) {
            agent.close();
        }
    }

    @Test
    void listsEveryToolWithAClosedSchemaAndTheGuidesAsResources() {
        List<McpSchema.Tool> tools = client.client().listTools().tools();

        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("get_order", "list_orders",
                "get_order_payments", "place_order", "cancel_order", "get_stock", "daily_sales", "aggregate_history",
                "aggregate_state", "verify_integrity", "read_side_status");
        for (McpSchema.Tool tool : tools) {
            assertThat(tool.description()).as(tool.name()).contains("role");
            assertThat(tool.inputSchema()).as(tool.name()).containsEntry("additionalProperties", false);
        }
        McpSchema.Tool place = tools.stream().filter(t -> t.name().equals("place_order")).findFirst().orElseThrow();
        assertThat(place.inputSchema().get("required")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("idempotencyKey");
        assertThat(place.annotations().readOnlyHint()).isFalse();
        assertThat(tools.stream().filter(t -> t.name().equals("get_order")).findFirst().orElseThrow()
                .annotations().readOnlyHint()).isTrue();

        assertThat(client.client().listResources().resources()).extracting(McpSchema.Resource::uri)
                .containsExactlyInAnyOrder("ledgerline://docs/api", "ledgerline://docs/problems", "ledgerline://docs/mcp");
        McpSchema.ReadResourceResult problems = client.client().readResource(
                McpSchema.ReadResourceRequest.builder("ledgerline://docs/problems").build());
        String text = ((McpSchema.TextResourceContents) problems.contents().get(0)).text();
        assertThat(text).startsWith("## Problems").contains("`insufficient-stock`").contains("`order-state-conflict`")
                .doesNotContain("## Projections");
    }

    /**
     * docs/mcp-tools.json is what tools/list answers, so that every change to a tool's name, schema or
     * description shows in a review diff. With {@code -Dledgerline.mcp.write=true} the test rewrites it.
     */
    @Test
    void thePublishedToolListIsWhatTheServerLists() throws Exception {
        HttpJson.Response listed = new HttpJson("http://localhost:" + system.mcpPort, TestTokens.issue("rita", "reporter"))
                .post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                        "Accept", "application/json, text/event-stream");
        String served = PRETTY.writeValueAsString(listed.json().path("result").path("tools")) + "\n";
        Path published = Path.of("..", "docs", "mcp-tools.json");

        if (Boolean.getBoolean("ledgerline.mcp.write")) {
            Files.writeString(published, served, StandardCharsets.UTF_8);
            return;
        }
        assertThat(Files.readString(published, StandardCharsets.UTF_8))
                .as("docs/mcp-tools.json differs from what the MCP server lists. Regenerate it with ./mvnw -B verify "
                        + "-pl launcher -am -Dtest=McpEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false "
                        + "-Dledgerline.mcp.write=true, then review and commit the diff")
                .isEqualTo(served);
    }

    @Test
    void aClientAgentPlacesReadsAndCancelsItsOwnOrder() {
        String sku = product(5);
        McpAgent.Result placed = placeOrder(client, HttpJson.newKey(), customer, sku, 2, "tok_visa");
        assertThat(placed.error()).as(placed.text()).isFalse();
        assertThat(placed.field("fulfilment")).isEqualTo("AUTOMATIC");
        String orderId = placed.field("orderId");

        McpAgent.Result confirmed = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.call("get_order", Map.of("orderId", orderId, "minVersion", 0)),
                        r -> !r.error() && r.field("status").equals("CONFIRMED"));
        assertThat(confirmed.field("total")).isEqualTo("39.98");
        assertThat(confirmed.json().path("lines").get(0).path("sku").asText()).isEqualTo(sku);
        JsonNode reserved = auditor.call("aggregate_history", Map.of("aggregateId", sku)).json().path("events").get(2);
        assertThat(reserved.path("type").asText()).as("registered, received, reserved").isEqualTo("StockReserved");
        assertThat(reserved.path("metadata").path("channel").asText())
                .as("a step of the fulfilment process inherits the mark of the command that caused it").isEqualTo("mcp");

        McpAgent.Result payments = client.call("get_order_payments", Map.of("orderId", orderId));
        assertThat(payments.json().path("items")).hasSize(1);
        assertThat(payments.json().path("items").get(0).path("status").asText()).isEqualTo("AUTHORIZED");

        McpAgent.Result mine = client.call("list_orders", Map.of("status", "CONFIRMED", "minPosition",
                placed.json().path("position").asLong()));
        assertThat(mine.json().path("items")).isNotEmpty()
                .allSatisfy(order -> assertThat(order.path("customerId").asText()).isEqualTo(customer));

        McpAgent.Result cancelled = client.call("cancel_order", Map.of("orderId", orderId,
                "reason", "the agent's customer changed their mind", "expectedVersion", confirmed.json().path("version").asLong()));
        assertThat(cancelled.error()).as(cancelled.text()).isFalse();
        assertThat(cancelled.json().path("version").asLong()).isGreaterThan(confirmed.json().path("version").asLong());
        assertThat(client.call("get_order", Map.of("orderId", orderId,
                "minVersion", cancelled.json().path("version").asLong())).field("status")).isEqualTo("CANCELLED");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyPlacesNothingTwiceAndAnotherOrderUnderItIsRefused() {
        String sku = product(5);
        String key = HttpJson.newKey();
        McpAgent.Result first = placeOrder(client, key, customer, sku, 1, null);
        McpAgent.Result retry = placeOrder(client, key, customer, sku, 1, null);
        McpAgent.Result other = placeOrder(client, key, customer, sku, 2, null);

        assertThat(first.field("fulfilment")).isEqualTo("MANUAL");
        assertThat(retry.error()).isFalse();
        assertThat(retry.field("orderId")).isEqualTo(first.field("orderId"));
        assertThat(system.events(first.field("orderId"), "OrderPlaced")).isEqualTo(1);
        assertThat(other.error()).isTrue();
        assertThat(other.problem()).isEqualTo("urn:ledgerline:problem:idempotency-key-reused");
    }

    @Test
    void aRefusedBusinessRuleComesBackWithTheSameProblemTypeAsOverRest() {
        String sku = product(5);
        String orderId = placeOrder(client, HttpJson.newKey(), customer, sku, 1, null).field("orderId");
        assertThat(client.call("cancel_order", Map.of("orderId", orderId, "reason", "first")).error()).isFalse();

        McpAgent.Result again = client.call("cancel_order", Map.of("orderId", orderId, "reason", "second"));
        HttpJson.Response overRest = system.commands.as(TestTokens.issue(customer, "client"))
                .post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"third\"}");

        assertThat(again.error()).isTrue();
        assertThat(again.problem()).isEqualTo("urn:ledgerline:problem:order-state-conflict")
                .isEqualTo(overRest.field("type"));
        assertThat(again.json().path("status").asInt()).isEqualTo(409).isEqualTo(overRest.status());
        assertThat(again.text()).contains("order-state-conflict").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badArgumentsGetAClearToolErrorNeverAStackTrace() {
        Map<String, Map<String, Object>> bad = Map.of(
                "get_order", Map.of(),
                "list_orders", Map.of("limit", 500),
                "get_stock", Map.of("sku", "no spaces allowed"),
                "daily_sales", Map.of("from", "yesterday", "to", "2026-11-20"),
                "aggregate_state", Map.of("aggregateId", "x", "version", -1),
                "read_side_status", Map.of("model", "everything"),
                "cancel_order", Map.of("orderId", "x"),
                "get_order_payments", Map.of("orderId", "x", "colour", "red"));
        bad.forEach((tool, arguments) -> {
            McpAgent.Result result = client.call(tool, arguments);
            assertThat(result.error()).as(tool).isTrue();
            assertThat(result.problem()).as(tool).isEqualTo("urn:ledgerline:problem:invalid-value");
            assertThat(result.text()).as(tool).contains(tool).doesNotContain("Exception").doesNotContain("\tat ");
        });

        assertThatThrownBy(() -> client.call("no_such_tool", Map.of())).isInstanceOf(McpError.class)
                .hasMessageContaining("Unknown tool");

        Map<String, Object> withoutKey = placeArguments(null, customer, "LAMP-1", 1, null);
        McpAgent.Result noKey = client.call("place_order", withoutKey);
        assertThat(noKey.error()).isTrue();
        assertThat(noKey.problem()).isEqualTo("urn:ledgerline:problem:invalid-value");
        assertThat(noKey.text()).contains("idempotencyKey");
        McpAgent.Result floatPrice = client.call("place_order", Map.of("idempotencyKey", HttpJson.newKey(),
                "customerId", customer, "currency", "EUR",
                "lines", List.of(Map.of("sku", "LAMP-1", "quantity", 1, "unitPrice", 19.99))));
        assertThat(floatPrice.problem()).isEqualTo("urn:ledgerline:problem:invalid-value");
        assertThat(system.queries.get("/api/orders?customerId=" + customer + "&sku=LAMP-1").json().path("items"))
                .isEmpty();
    }

    @Test
    void aValueOnlyTheApiCanJudgeIsRefusedWithTheApisProblem() {
        McpAgent.Result tooManyDecimals = placeOrder(client, HttpJson.newKey(), customer, product(1), 1, null, "1.999");

        assertThat(tooManyDecimals.error()).isTrue();
        assertThat(tooManyDecimals.problem()).isEqualTo("urn:ledgerline:problem:invalid-value");
        assertThat(tooManyDecimals.json().path("status").asInt()).isEqualTo(400);
    }

    @Test
    void eachAgentSeesAndDoesOnlyWhatItsTokenAllowsOverRest() {
        String sku = product(5);
        String orderId = placeOrder(client, HttpJson.newKey(), customer, sku, 1, null).field("orderId");
        McpAgent other = McpAgent.connect(system.mcpPort, TestTokens.issue("c-other-" + UUID.randomUUID(), "client"));
        try {
            McpAgent.Result theirs = await().atMost(Duration.ofSeconds(20))
                    .until(() -> reporter.call("get_order", Map.of("orderId", orderId, "minVersion", 0)), r -> !r.error());
            assertThat(theirs.field("customerId")).isEqualTo(customer);
            assertThat(other.call("get_order", Map.of("orderId", orderId)).problem())
                    .isEqualTo("urn:ledgerline:problem:not-found");
            assertThat(other.call("list_orders", Map.of("customerId", customer)).json().path("items")).isEmpty();
            assertThat(other.call("cancel_order", Map.of("orderId", orderId, "reason", "not mine")).problem())
                    .isEqualTo("urn:ledgerline:problem:not-found");
            assertThat(other.call("place_order", placeArguments(HttpJson.newKey(), customer, sku, 1, null)).problem())
                    .isEqualTo("urn:ledgerline:problem:forbidden");
        } finally {
            other.close();
        }
        assertThat(reporter.call("place_order", placeArguments(HttpJson.newKey(), customer, sku, 1, null)).problem())
                .isEqualTo("urn:ledgerline:problem:forbidden");
        assertThat(reporter.call("cancel_order", Map.of("orderId", orderId, "reason", "no")).problem())
                .isEqualTo("urn:ledgerline:problem:forbidden");
        assertThat(reporter.call("aggregate_history", Map.of("aggregateId", orderId)).problem())
                .isEqualTo("urn:ledgerline:problem:forbidden");
        assertThat(client.call("get_stock", Map.of("sku", sku)).problem()).isEqualTo("urn:ledgerline:problem:forbidden");
        assertThat(client.call("read_side_status", Map.of()).problem()).isEqualTo("urn:ledgerline:problem:forbidden");
        assertThat(auditor.call("list_orders", Map.of()).problem()).isEqualTo("urn:ledgerline:problem:forbidden");
        assertThat(system.events(orderId, "OrderCancelled")).isZero();
    }

    @Test
    void reportsStockOpsStatusAndTheAuditToolsAnswerTheirRoles() {
        String sku = product(7);
        McpAgent.Result placed = placeOrder(client, HttpJson.newKey(), customer, sku, 3, null);
        long position = placed.json().path("position").asLong();
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        McpAgent.Result stock = reporter.call("get_stock", Map.of("sku", sku, "minVersion", 1));
        assertThat(stock.json().path("onHand").asInt()).as(stock.text()).isEqualTo(7);
        McpAgent.Result sales = reporter.call("daily_sales", Map.of("from", today, "to", today, "sku", sku,
                "minPosition", position));
        assertThat(sales.json().path("rows")).hasSize(1);
        assertThat(sales.json().path("rows").get(0).path("units").asInt()).isEqualTo(3);
        assertThat(sales.json().path("rows").get(0).path("revenue").asText()).isEqualTo("59.97");
        assertThat(reporter.call("get_stock", Map.of("sku", "NOPE-" + UUID.randomUUID().toString().substring(0, 8)))
                .problem()).isEqualTo("urn:ledgerline:problem:not-found");

        McpAgent.Result status = ops.call("read_side_status", Map.of());
        assertThat(status.json().path("items")).extracting(model -> model.path("model").asText())
                .contains("orders", "payments", "inventory", "sales");
        assertThat(ops.call("read_side_status", Map.of("model", "orders")).field("model")).isEqualTo("orders");

        String orderId = placed.field("orderId");
        McpAgent.Result history = auditor.call("aggregate_history", Map.of("aggregateId", orderId));
        assertThat(history.json().path("events")).hasSize(1);
        McpAgent.Result state = auditor.call("aggregate_state", Map.of("aggregateId", orderId, "version", 0));
        assertThat(state.json().path("state").path("status").asText()).as(state.text()).isEqualTo("PLACED");
        McpAgent.Result verified = auditor.call("verify_integrity", Map.of("aggregateId", orderId));
        assertThat(verified.json().path("valid").asBoolean()).isTrue();
        // Other tests of this JVM store events without a hash on purpose, so the whole store need not be valid.
        McpAgent.Result everything = auditor.call("verify_integrity", Map.of());
        JsonNode summary = everything.json().path("summary");
        assertThat(summary.path("aggregates").asLong()).as(everything.text()).isPositive();
        assertThat(summary.path("valid").asBoolean()).isEqualTo(summary.path("failures").asLong() == 0);
        assertThat(everything.json().path("failures")).hasSize((int) Math.min(20, summary.path("failures").asLong()))
                .noneMatch(failure -> failure.path("aggregateId").asText().equals(orderId));
    }

    @Test
    void commandsThroughMcpAreMarkedInTheirEventsAndAForgedMarkOverRestIsNot() {
        String sku = product(5);
        String viaMcp = placeOrder(client, HttpJson.newKey(), customer, sku, 1, null).field("orderId");
        HttpJson rest = system.commands.as(TestTokens.issue(customer, "client"));
        String body = "{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"%s\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}"
                .formatted(customer, sku);
        String plain = rest.post("/api/orders", body, "Idempotency-Key", HttpJson.newKey()).field("orderId");
        String forged = rest.post("/api/orders", body, "Idempotency-Key", HttpJson.newKey(),
                "Ledgerline-Channel", "mcp", "Ledgerline-Channel-Proof", "bm90LWEtcHJvb2Y").field("orderId");

        JsonNode mcpEvent = firstEventMetadata(viaMcp);
        assertThat(mcpEvent.path("channel").asText()).isEqualTo("mcp");
        assertThat(mcpEvent.path("principal").asText()).isEqualTo(customer);
        assertThat(firstEventMetadata(plain).has("channel")).isFalse();
        assertThat(firstEventMetadata(forged).has("channel")).isFalse();
        assertThat(firstEventMetadata(forged).path("principal").asText()).isEqualTo(customer);
    }

    @Test
    void withoutAValidTokenTheServerAnswers401AndNoAgentConnects() {
        HttpJson.Response anonymous = new HttpJson("http://localhost:" + system.mcpPort, null).post("/mcp",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "Accept", "application/json, text/event-stream");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.field("type")).isEqualTo("urn:ledgerline:problem:unauthorized");
        assertThatThrownBy(() -> McpAgent.connect(system.mcpPort, "not-a-token")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aMessageTheServerCannotReadGetsAJsonRpcErrorNeverAStackTrace() {
        HttpJson reporterHttp = new HttpJson("http://localhost:" + system.mcpPort, TestTokens.issue("rita", "reporter"));

        HttpJson.Response garbage = reporterHttp.post("/mcp", "not json at all", "Accept", "application/json, text/event-stream");
        HttpJson.Response wrongAccept = reporterHttp.post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                "Accept", "application/json");

        for (HttpJson.Response response : List.of(garbage, wrongAccept)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("jsonrpc").asText()).isEqualTo("2.0");
            assertThat(response.json().path("error").path("code").asInt()).isNegative();
            assertThat(response.body()).doesNotContain("stackTrace").doesNotContain("className").hasSizeLessThan(300);
        }
    }

    @Test
    void aBrowserPageFromAnotherOriginIsTurnedAway() {
        HttpJson reporterHttp = new HttpJson("http://localhost:" + system.mcpPort, TestTokens.issue("rita", "reporter"));
        String toolsList = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

        HttpJson.Response foreign = reporterHttp.post("/mcp", toolsList, "Accept", "application/json, text/event-stream",
                "Origin", "http://evil.example");
        HttpJson.Response local = reporterHttp.post("/mcp", toolsList, "Accept", "application/json, text/event-stream",
                "Origin", "http://localhost:3000");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(local.status()).isEqualTo(200);
        assertThat(local.json().path("result").path("tools")).isNotEmpty();
    }

    private static JsonNode firstEventMetadata(String aggregateId) {
        JsonNode events = auditor.call("aggregate_history", Map.of("aggregateId", aggregateId)).json().path("events");
        assertThat(events).isNotEmpty();
        return events.get(0).path("metadata");
    }

    private static McpAgent.Result placeOrder(McpAgent agent, String key, String customerId, String sku, int quantity,
                                              String paymentToken) {
        return placeOrder(agent, key, customerId, sku, quantity, paymentToken, "19.99");
    }

    private static McpAgent.Result placeOrder(McpAgent agent, String key, String customerId, String sku, int quantity,
                                              String paymentToken, String unitPrice) {
        Map<String, Object> arguments = placeArguments(key, customerId, sku, quantity, paymentToken);
        arguments.put("lines", List.of(Map.of("sku", sku, "quantity", quantity, "unitPrice", unitPrice)));
        return agent.call("place_order", arguments);
    }

    private static Map<String, Object> placeArguments(String key, String customerId, String sku, int quantity,
                                                      String paymentToken) {
        Map<String, Object> arguments = new HashMap<>();
        if (key != null) {
            arguments.put("idempotencyKey", key);
        }
        arguments.put("customerId", customerId);
        arguments.put("currency", "EUR");
        arguments.put("lines", List.of(Map.of("sku", sku, "quantity", quantity, "unitPrice", "19.99")));
        if (paymentToken != null) {
            arguments.put("payment", Map.of("paymentMethodToken", paymentToken));
        }
        return arguments;
    }

    private static String product(int onHand) {
        String sku = "MCP-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(system.commands.post("/api/inventory",
                "{\"sku\":\"" + sku + "\",\"name\":\"Agent lamp\",\"unitPrice\":\"19.99\",\"currency\":\"EUR\"}").status())
                .isEqualTo(201);
        assertThat(system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":" + onHand + "}").status())
                .isEqualTo(200);
        return sku;
    }
}
