package io.ledgerline.mcp.ops;

import io.ledgerline.mcp.server.Api;
import io.ledgerline.mcp.server.LedgerlineApis;
import io.ledgerline.mcp.server.LedgerlineTool;
import io.ledgerline.mcp.server.LedgerlineTool.Effect;
import io.ledgerline.mcp.server.ToolSet;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

import static io.ledgerline.mcp.server.LedgerlineApis.segment;

/** Ops: the status of the read side. Read only: rebuilds and dead-letter handling stay with people, over REST. */
@Component
public class OpsTools implements ToolSet {

    @Override
    public List<LedgerlineTool> tools(LedgerlineApis apis) {
        return List.of(new LedgerlineTool("read_side_status", "Read-side status",
                "The status of the read models (orders, payments, inventory, sales): state (RUNNING, CATCHING_UP, "
                        + "REBUILDING, STOPPED, ERROR or STUCK), head position, lag in events and seconds, parked "
                        + "dead letters and any rebuild's progress. Needs role ops. Without model, all of them (as "
                        + "items).",
                """
                {"type": "object", "additionalProperties": false,
                 "properties": {
                   "model": {"type": "string", "enum": ["orders", "payments", "inventory", "sales"],
                     "description": "One read model; leave out for all"}}}
                """,
                Effect.READ,
                (caller, args) -> apis.get(caller, Api.PROJECTIONS, args.text("model") == null ? "/ops/projections"
                        : "/ops/projections/" + segment(args.text("model")), Map.of())));
    }
}
