/** Wiring of the order fulfilment process: its saga store, its processor and its settings. */
package io.ledgerline.command.fulfilment;
