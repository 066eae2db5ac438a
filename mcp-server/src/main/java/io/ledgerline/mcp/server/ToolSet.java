package io.ledgerline.mcp.server;

import java.util.List;

/** The tools of one feature (orders, inventory, reports, audit, ops); every bean of this type is served. */
public interface ToolSet {

    List<LedgerlineTool> tools(LedgerlineApis apis);
}
