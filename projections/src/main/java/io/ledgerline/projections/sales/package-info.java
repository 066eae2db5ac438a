/** The sales report model: net booked units and revenue per UTC day, SKU and currency. */
package io.ledgerline.projections.sales;
