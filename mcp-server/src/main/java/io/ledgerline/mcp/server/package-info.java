/** The MCP machinery: the stateless transport, tool calls forwarded with the caller's token, results and guides. */
package io.ledgerline.mcp.server;
