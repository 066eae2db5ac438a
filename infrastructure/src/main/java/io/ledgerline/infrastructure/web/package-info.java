/** HTTP errors as RFC 9457 problem details, one stable {@code type} per kind of error, for every app. */
package io.ledgerline.infrastructure.web;
