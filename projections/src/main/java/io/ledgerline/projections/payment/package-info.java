/** The payments read model: amounts authorized, captured and refunded, and the resulting status. */
package io.ledgerline.projections.payment;
