/** The inventory read model: on hand, reserved and available per SKU. */
package io.ledgerline.projections.inventory;
