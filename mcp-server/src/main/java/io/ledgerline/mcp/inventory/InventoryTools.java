package io.ledgerline.mcp.inventory;

import io.ledgerline.mcp.server.Api;
import io.ledgerline.mcp.server.LedgerlineApis;
import io.ledgerline.mcp.server.LedgerlineTool;
import io.ledgerline.mcp.server.LedgerlineTool.Effect;
import io.ledgerline.mcp.server.ToolSet;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.ledgerline.mcp.server.LedgerlineApis.segment;

/** Stock: what one SKU has on hand, reserved and available. */
@Component
public class InventoryTools implements ToolSet {

    @Override
    public List<LedgerlineTool> tools(LedgerlineApis apis) {
        return List.of(new LedgerlineTool("get_stock", "Look up the stock of a SKU",
                "The stock of one SKU: name, unitPrice, currency, onHand, reserved, available (on hand minus "
                        + "reserved) and version. Needs role reporter. An unknown SKU answers not-found.",
                """
                {"type": "object", "additionalProperties": false, "required": ["sku"],
                 "properties": {
                   "sku": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
                     "description": "The SKU: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"},
                   "minVersion": {"type": "integer", "minimum": 0, "description": "Wait (up to 2 s) until the item shows at least this version"}}}
                """,
                Effect.READ,
                (caller, args) -> apis.get(caller, Api.QUERIES, "/api/inventory/" + segment(args.text("sku")),
                        args.only("minVersion"))));
    }
}
