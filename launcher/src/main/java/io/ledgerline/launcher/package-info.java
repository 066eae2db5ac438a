/** The one-command local run: PostgreSQL plus every app, each in its own Spring context and port. */
package io.ledgerline.launcher;
