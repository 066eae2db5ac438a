package io.ledgerline.command.idempotency;

import io.ledgerline.infrastructure.ids.TimeOrderedIds;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The id of an aggregate a request creates. Under an {@code Idempotency-Key} it follows from the
 * caller, the key and the path, so a retry of the request names the same aggregate as its first
 * attempt and can find what that attempt appended, in either event store, even when the key's
 * stored response was lost ({@link IdempotentReplay}). Without a key it is a new {@link TimeOrderedIds}.
 */
public final class IdempotentIds {

    private IdempotentIds() {
    }

    /** A UUID for the aggregate the current request creates. */
    public static String newAggregateId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String key = request.getHeader(IdempotencyFilter.HEADER);
            if (key != null && request.getUserPrincipal() != null) {
                return derived(request.getUserPrincipal().getName(), key, request.getMethod() + " " + request.getRequestURI());
            }
        }
        return TimeOrderedIds.next().toString();
    }

    /** A version-8 UUID from the SHA-256 of caller, key and target, each on its own line. */
    static String derived(String principal, String key, String target) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((principal + "\n" + key + "\n" + target).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x80); // version 8: custom
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // variant: RFC 9562
            ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bits.getLong(), bits.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
