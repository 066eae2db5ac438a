/** Audit tools: event history, state as of a time, and the tamper check. */
package io.ledgerline.mcp.audit;
