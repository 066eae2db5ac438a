/** Inventory tools: the stock of a SKU. */
package io.ledgerline.mcp.inventory;
