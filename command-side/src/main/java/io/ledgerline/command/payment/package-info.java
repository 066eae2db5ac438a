/** REST commands on payments, and the simulated payment provider behind the PaymentGateway port. */
package io.ledgerline.command.payment;
