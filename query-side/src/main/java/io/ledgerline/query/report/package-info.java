/** Reports over the sales model: daily net booked sales, sales per SKU, and orders per status. */
package io.ledgerline.query.report;
