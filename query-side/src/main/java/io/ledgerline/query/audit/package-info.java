/** The auditors' door: event history, global stream, correlation view, time travel, export and verification. */
package io.ledgerline.query.audit;
