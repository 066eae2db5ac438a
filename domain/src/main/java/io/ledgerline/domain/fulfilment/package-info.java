/** The order fulfilment process: reserve stock, authorize payment, confirm; and compensate when any step fails. */
package io.ledgerline.domain.fulfilment;
