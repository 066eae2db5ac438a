/** A payment for an order: authorized through a {@link io.ledgerline.domain.payment.PaymentGateway}, then captured, refunded or voided. */
package io.ledgerline.domain.payment;
