/** Stock levels as reporting tools read them: on hand, reserved and available per SKU. */
package io.ledgerline.query.inventory;
