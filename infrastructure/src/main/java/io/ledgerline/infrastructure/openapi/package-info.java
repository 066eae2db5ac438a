/**
 * The API contract every app publishes at {@code /v3/api-docs} (and the repository in
 * docs/openapi): info, the bearer scheme with the roles each operation needs, the problem-details
 * schema and the problem responses, and the headers the apps read and write. Controllers state
 * what only they know with {@link io.ledgerline.infrastructure.openapi.AllowedRoles} and
 * {@link io.ledgerline.infrastructure.openapi.ApiProblems}; the rest follows from their signatures.
 */
package io.ledgerline.infrastructure.openapi;
