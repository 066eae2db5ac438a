/** Payments as reporting tools read them: amounts authorized, captured and refunded, and status. */
package io.ledgerline.query.payment;
