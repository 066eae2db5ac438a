/** A migrated read schema on a real PostgreSQL for the projection tests, and ways to read it back. */
package io.ledgerline.projections.support;
