/** What every stored event carries for auditors, and how its tamper-evident hash chain is computed. */
package io.ledgerline.infrastructure.audit;
