/** Report tools: daily sales. */
package io.ledgerline.mcp.report;
