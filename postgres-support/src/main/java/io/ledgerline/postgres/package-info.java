/** One place that decides which PostgreSQL a local run or a test gets: embedded binaries, a container, or an external server. */
package io.ledgerline.postgres;
