/** The orders read model: one row per order with its lines, and the count of orders per status. */
package io.ledgerline.projections.order;
