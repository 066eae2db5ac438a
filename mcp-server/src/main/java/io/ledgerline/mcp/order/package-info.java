/** Order tools: look up, list, place and cancel orders, and an order's payments. */
package io.ledgerline.mcp.order;
