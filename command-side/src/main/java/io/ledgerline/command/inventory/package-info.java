/** REST commands on inventory items: register a product, receive, reserve, release, ship, adjust. */
package io.ledgerline.command.inventory;
