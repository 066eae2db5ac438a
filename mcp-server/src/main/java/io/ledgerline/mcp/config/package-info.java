/** How the MCP server is put together: shared infrastructure, security, and only the auto-configuration it needs. */
package io.ledgerline.mcp.config;
