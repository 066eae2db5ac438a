/** Real PostgreSQL databases for tests: one server per test JVM, a fresh database per test context. */
package io.ledgerline.testsupport;
