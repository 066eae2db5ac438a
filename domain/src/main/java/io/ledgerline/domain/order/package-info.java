/** A customer's order: its lines, its total, and the states it moves through from placed to shipped. */
package io.ledgerline.domain.order;
