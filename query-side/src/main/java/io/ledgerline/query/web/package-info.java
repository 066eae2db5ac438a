/** HTTP concerns shared by the query endpoints: paging, cursors, CSV, filters and errors. */
package io.ledgerline.query.web;
