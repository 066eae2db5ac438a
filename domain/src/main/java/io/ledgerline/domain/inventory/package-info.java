/** Stock of one product (SKU): what is on hand, what is promised to orders, and why it changed. */
package io.ledgerline.domain.inventory;
