/** REST commands on orders: place, confirm, cancel, ship. */
package io.ledgerline.command.order;
