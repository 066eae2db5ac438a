/** The MCP server: an app of its own that offers the REST APIs to AI agents as MCP tools and resources. */
package io.ledgerline.mcp;
