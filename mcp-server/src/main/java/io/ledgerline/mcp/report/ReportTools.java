package io.ledgerline.mcp.report;

import io.ledgerline.mcp.server.Api;
import io.ledgerline.mcp.server.LedgerlineApis;
import io.ledgerline.mcp.server.LedgerlineTool;
import io.ledgerline.mcp.server.LedgerlineTool.Effect;
import io.ledgerline.mcp.server.ToolSet;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reports: net booked sales per day. */
@Component
public class ReportTools implements ToolSet {

    @Override
    public List<LedgerlineTool> tools(LedgerlineApis apis) {
        return List.of(new LedgerlineTool("daily_sales", "Daily sales report",
                "Net booked sales per UTC day, SKU and currency between two dates (both inclusive, at most 366 "
                        + "days): orders, units and revenue (a decimal string in that currency; currencies are never "
                        + "added together). An order counts on the day it was placed; a cancelled order is taken out "
                        + "again. Days without sales have no row. Needs role reporter.",
                """
                {"type": "object", "additionalProperties": false, "required": ["from", "to"],
                 "properties": {
                   "from": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "First day, e.g. 2026-11-20"},
                   "to": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "Last day (inclusive), not before from"},
                   "sku": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "description": "Only this SKU"},
                   "currency": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "Only this currency, e.g. EUR"},
                   "minPosition": {"type": "integer", "minimum": 0, "description": "Wait until the sales read model has processed this event position"}}}
                """,
                Effect.READ,
                (caller, args) -> apis.get(caller, Api.QUERIES, "/api/reports/daily-sales",
                        args.only("from", "to", "sku", "currency", "minPosition"))));
    }
}
