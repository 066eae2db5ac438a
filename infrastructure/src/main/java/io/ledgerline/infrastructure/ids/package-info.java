/** Identifiers the apps make up themselves: for messages, events, requests and keyless new aggregates. */
package io.ledgerline.infrastructure.ids;
