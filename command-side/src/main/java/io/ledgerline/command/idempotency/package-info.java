/** Idempotency-Key handling: a retried request gets the first response back and writes nothing new. */
package io.ledgerline.command.idempotency;
