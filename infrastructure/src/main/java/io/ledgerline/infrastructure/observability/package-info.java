/** What operators see from outside: trace context carried through messages. */
package io.ledgerline.infrastructure.observability;
