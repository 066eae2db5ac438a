/** Who and why on every event: request metadata on commands, causation through sagas, and the hash chain. */
package io.ledgerline.command.audit;
