/** The query side: read-only REST API over the read models for reporting tools. */
package io.ledgerline.query;
