/** The console: a small static front end for operators, auditors and reporters over the existing APIs (docs/adr/0012). */
package io.ledgerline.query.console;
