/** The command side: the REST door through which client apps change orders, payments and stock. */
package io.ledgerline.command;
