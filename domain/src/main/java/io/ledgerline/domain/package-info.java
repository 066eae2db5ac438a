/** The write model of Ledgerline: aggregates decide, events record what they decided. */
package io.ledgerline.domain;
