/** HTTP concerns shared by the command controllers: error mapping and version headers. */
package io.ledgerline.command.web;
