/** Who may call what: JWT bearer tokens, roles from a claim, and a local token issuer for development. */
package io.ledgerline.infrastructure.security;
