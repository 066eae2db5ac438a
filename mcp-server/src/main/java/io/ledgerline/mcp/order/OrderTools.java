package io.ledgerline.mcp.order;

import io.ledgerline.mcp.server.Api;
import io.ledgerline.mcp.server.Arguments;
import io.ledgerline.mcp.server.LedgerlineApis;
import io.ledgerline.mcp.server.LedgerlineTool;
import io.ledgerline.mcp.server.LedgerlineTool.Effect;
import io.ledgerline.mcp.server.ToolSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ledgerline.mcp.server.LedgerlineApis.segment;

/**
 * Orders: look one up with its payments, list and filter them (query side), place and cancel them
 * (command side). Placing requires an idempotency key from the agent, so that a retried call never
 * places a second order.
 */
@Component
public class OrderTools implements ToolSet {

    static final String ORDER_ID = """
            "orderId": {"type": "string", "minLength": 1, "maxLength": 64,
              "description": "The order's id, a UUID the command side assigned when the order was placed"}""";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public List<LedgerlineTool> tools(LedgerlineApis apis) {
        return List.of(getOrder(apis), listOrders(apis), orderPayments(apis), placeOrder(apis), cancelOrder(apis));
    }

    private LedgerlineTool getOrder(LedgerlineApis apis) {
        return new LedgerlineTool("get_order", "Look up an order",
                "One order with its lines, status, total and version. Needs role client (own orders only; another "
                        + "customer's order answers not-found) or reporter. Just after placing an order, pass the "
                        + "version the command answered as minVersion to wait until the read side shows it.",
                """
                {"type": "object", "additionalProperties": false, "required": ["orderId"],
                 "properties": {%s,
                   "minVersion": {"type": "integer", "minimum": 0,
                     "description": "Wait (up to 2 s) until the order shows at least this version; else not-yet-consistent"}}}
                """.formatted(ORDER_ID),
                Effect.READ,
                (caller, args) -> apis.get(caller, Api.QUERIES, "/api/orders/" + segment(args.text("orderId")),
                        args.only("minVersion")));
    }

    private LedgerlineTool listOrders(LedgerlineApis apis) {
        return new LedgerlineTool("list_orders", "List and filter orders",
                "One page of order summaries (orderId, customerId, status, currency, total, lineCount, placedAt, "
                        + "updatedAt, version), newest first by default, and nextCursor when there are more. Needs role "
                        + "client (sees only its own customer's orders) or reporter. To page on, call again with the "
                        + "same filters and sort and cursor set to nextCursor.",
                """
                {"type": "object", "additionalProperties": false,
                 "properties": {
                   "status": {"type": "string", "enum": ["PLACED", "CONFIRMED", "SHIPPED", "CANCELLED"]},
                   "customerId": {"type": "string", "minLength": 1, "maxLength": 64,
                     "description": "Only this customer's orders (a client always gets its own)"},
                   "placedFrom": {"type": "string", "description": "Placed at or after: a date (2026-11-20, start of day UTC) or an ISO-8601 instant"},
                   "placedTo": {"type": "string", "description": "Placed before (exclusive): a date or an ISO-8601 instant"},
                   "sku": {"type": "string", "minLength": 1, "maxLength": 64, "description": "Only orders with a line for this SKU"},
                   "sort": {"type": "string", "enum": ["placedAt", "-placedAt", "updatedAt", "-updatedAt", "total", "-total"],
                     "description": "Sort key; a leading - sorts descending. Default -placedAt"},
                   "limit": {"type": "integer", "minimum": 1, "maximum": 200, "description": "Page size, default 50"},
                   "cursor": {"type": "string", "minLength": 1, "description": "nextCursor of the previous page"},
                   "minPosition": {"type": "integer", "minimum": 0,
                     "description": "Wait until the orders read model has processed this event position (a command's position)"}}}
                """,
                Effect.READ,
                (caller, args) -> apis.get(caller, Api.QUERIES, "/api/orders", args.only("status", "customerId",
                        "placedFrom", "placedTo", "sku", "sort", "limit", "cursor", "minPosition")));
    }

    private LedgerlineTool orderPayments(LedgerlineApis apis) {
        return new LedgerlineTool("get_order_payments", "Look up an order's payments",
                "The payments of one order (paymentId, status, currency, authorized, captured, refunded, "
                        + "declineReason, masked paymentMethod, version), newest first. Needs role client (own "
                        + "payments only) or reporter. An automatic order's payment appears once fulfilment has "
                        + "authorized it.",
                """
                {"type": "object", "additionalProperties": false, "required": ["orderId"],
                 "properties": {%s,
                   "limit": {"type": "integer", "minimum": 1, "maximum": 200, "description": "Page size, default 50"}}}
                """.formatted(ORDER_ID),
                Effect.READ,
                (caller, args) -> apis.get(caller, Api.QUERIES, "/api/payments", args.only("orderId", "limit")));
    }

    private LedgerlineTool placeOrder(LedgerlineApis apis) {
        return new LedgerlineTool("place_order", "Place an order",
                "Places an order for a customer. Needs role client, and a client may place orders only for its own "
                        + "customer id (another gives forbidden). With payment, Ledgerline fulfils the order itself: it "
                        + "reserves the stock, authorizes the payment and confirms the order, or cancels it with a "
                        + "cancelReason (follow it with get_order). Without payment the order stays PLACED. "
                        + "idempotencyKey is required: make up a new unique value (a UUID) for each order you mean to "
                        + "place and reuse it only to retry that same call; a retry answers the first result and "
                        + "places nothing twice, while the same key with different arguments is refused with "
                        + "idempotency-key-reused. Answers orderId, version, position and fulfilment.",
                """
                {"type": "object", "additionalProperties": false,
                 "required": ["idempotencyKey", "customerId", "currency", "lines"],
                 "properties": {
                   "idempotencyKey": {"type": "string", "pattern": "^[!-~]{1,255}$",
                     "description": "A unique value for this one order (e.g. a UUID): 1 to 255 visible ASCII characters, no spaces"},
                   "customerId": {"type": "string", "minLength": 1, "maxLength": 64,
                     "description": "The customer; for a client, its own id (the subject of its token)"},
                   "currency": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 code, e.g. EUR; every line is priced in it"},
                   "lines": {"type": "array", "minItems": 1, "maxItems": 100,
                     "description": "What is ordered; no SKU on two lines",
                     "items": {"type": "object", "additionalProperties": false, "required": ["sku", "quantity", "unitPrice"],
                       "properties": {
                         "sku": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"},
                         "quantity": {"type": "integer", "minimum": 1},
                         "unitPrice": {"type": "string", "pattern": "^[0-9]{1,15}(\\\\.[0-9]{1,8})?$",
                           "description": "Price of one unit as a decimal string, e.g. \\"19.99\\"; at most the currency's decimals"}}}},
                   "payment": {"type": "object", "additionalProperties": false, "required": ["paymentMethodToken"],
                     "description": "Give it to have the order fulfilled automatically",
                     "properties": {"paymentMethodToken": {"type": "string", "minLength": 1, "maxLength": 200,
                       "description": "The payment provider's token for the card, e.g. tok_visa"}}}}}
                """,
                Effect.WRITE_IDEMPOTENT,
                (caller, args) -> apis.command(caller, "/api/orders", placeBody(args),
                        "Idempotency-Key", args.text("idempotencyKey")));
    }

    private LedgerlineTool cancelOrder(LedgerlineApis apis) {
        return new LedgerlineTool("cancel_order", "Cancel an order",
                "Cancels a PLACED or CONFIRMED order with a reason; an automatic order's reservations are released "
                        + "and its authorization voided. Needs role client (own orders only; another customer's "
                        + "order answers not-found). A SHIPPED or CANCELLED order is refused with "
                        + "order-state-conflict. Pass expectedVersion (the version you last read) to be refused with "
                        + "version-conflict if the order changed since. Answers orderId, version and position.",
                """
                {"type": "object", "additionalProperties": false, "required": ["orderId", "reason"],
                 "properties": {%s,
                   "reason": {"type": "string", "minLength": 1, "maxLength": 500, "description": "Why the order is cancelled, for the customer and the auditors"},
                   "expectedVersion": {"type": "integer", "minimum": 0, "description": "Cancel only if the order is at exactly this version"},
                   "idempotencyKey": {"type": "string", "pattern": "^[!-~]{1,255}$", "description": "Optional: a unique value so that a retry cannot act twice"}}}
                """.formatted(ORDER_ID),
                Effect.WRITE_DESTRUCTIVE,
                (caller, args) -> apis.command(caller, "/api/orders/" + segment(args.text("orderId")) + "/cancel",
                        json.writeValueAsString(Map.of("reason", args.text("reason"))),
                        "If-Match", args.number("expectedVersion") == null ? null : "\"" + args.number("expectedVersion") + "\"",
                        "Idempotency-Key", args.text("idempotencyKey")));
    }

    /** The body in one fixed order, so that a retry with the same arguments is byte for byte the same request. */
    private String placeBody(Arguments args) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", args.text("customerId"));
        body.put("currency", args.text("currency"));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Object line : (List<?>) args.raw("lines")) {
            Map<?, ?> given = (Map<?, ?>) line;
            Map<String, Object> copy = new LinkedHashMap<>();
            copy.put("sku", given.get("sku"));
            copy.put("quantity", given.get("quantity"));
            copy.put("unitPrice", given.get("unitPrice"));
            lines.add(copy);
        }
        body.put("lines", lines);
        if (args.raw("payment") instanceof Map<?, ?> payment) {
            body.put("payment", Map.of("paymentMethodToken", payment.get("paymentMethodToken")));
        }
        return json.writeValueAsString(body);
    }
}
