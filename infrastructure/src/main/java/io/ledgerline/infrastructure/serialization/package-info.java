/** How messages become JSON: one Jackson setup for every Axon serializer, with typed ids as plain strings. */
package io.ledgerline.infrastructure.serialization;
