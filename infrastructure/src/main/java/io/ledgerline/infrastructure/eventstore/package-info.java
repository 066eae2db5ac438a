/** The event store on PostgreSQL: table layout, and how a duplicate (aggregate, sequence) is recognised. */
package io.ledgerline.infrastructure.eventstore;
