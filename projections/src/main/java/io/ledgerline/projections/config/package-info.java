/** Axon wiring of the projections: where tokens live and how often the event store is polled. */
package io.ledgerline.projections.config;
