package io.ledgerline.command.web;

import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * Answers a successful command: the body says which aggregate was written and the version it
 * reached, and the {@code ETag} carries the same version for clients that send it back in {@code If-Match}.
 */
public final class Written {

    private Written() {
    }

    public static <T> ResponseEntity<T> created(URI location, T body, long version) {
        return ResponseEntity.created(location).eTag(Long.toString(version)).body(body);
    }

    public static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().eTag(Long.toString(version)).body(body);
    }
}
