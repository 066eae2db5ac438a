/** What operators see from outside: trace context carried through messages, and the OpenAPI description. */
package io.ledgerline.infrastructure.observability;
