/** Infrastructure shared by the command side, the projections and the query side. */
package io.ledgerline.infrastructure;
