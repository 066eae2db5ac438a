/** Orders as reporting tools read them: one order with its lines, or filtered and sorted lists. */
package io.ledgerline.query.order;
