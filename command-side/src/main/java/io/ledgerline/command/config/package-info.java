/** Axon wiring of the command side: which aggregates exist and how conflicting writes are retried. */
package io.ledgerline.command.config;
