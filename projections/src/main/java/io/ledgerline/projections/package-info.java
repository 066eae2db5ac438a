/** The projection process: event handlers that keep the read-model tables in step with the event stream. */
package io.ledgerline.projections;
