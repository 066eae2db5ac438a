/** Ops tools: the read side's status. */
package io.ledgerline.mcp.ops;
