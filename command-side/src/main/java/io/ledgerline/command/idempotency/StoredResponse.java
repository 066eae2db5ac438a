package io.ledgerline.command.idempotency;

/** The first response given under an idempotency key, and the fingerprint of the request it answered. */
record StoredResponse(String requestHash, Integer status, String contentType, String etag, String location,
                      String body) {
}
