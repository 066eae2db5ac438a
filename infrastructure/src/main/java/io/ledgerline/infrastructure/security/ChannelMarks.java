package io.ledgerline.infrastructure.security;

import jakarta.servlet.http.HttpServletRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Proof that a request came through one of Ledgerline's own channels (the MCP server), so that the
 * command side may record that channel in the events' metadata. A bare header would let any REST
 * client claim it, so the channel header must come with an HMAC of the channel and the request's own
 * {@code Authorization} header under a key only Ledgerline's apps hold: a proof is worthless without
 * that key, and with another caller's token. In local mode the key follows from the local signing key;
 * in jwt mode it is {@code ledgerline.security.channel-key}, and without it no request proves a channel.
 */
public final class ChannelMarks {

    /** The channel a request claims to come through. */
    public static final String CHANNEL_HEADER = "Ledgerline-Channel";
    /** The proof of that claim (base64url HMAC-SHA256). */
    public static final String PROOF_HEADER = "Ledgerline-Channel-Proof";
    /** The MCP server's channel, the only one there is. */
    public static final String MCP = "mcp";

    private static final int MINIMUM_KEY_LENGTH = 32;

    private final byte[] key;

    private ChannelMarks(byte[] key) {
        this.key = key;
    }

    /** The marks of this deployment: the configured key, else (local mode) one derived from the local signing key. */
    public static ChannelMarks of(SecuritySettings settings, String configuredKey) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            if (configuredKey.length() < MINIMUM_KEY_LENGTH) {
                throw new IllegalArgumentException("ledgerline.security.channel-key must have at least "
                        + MINIMUM_KEY_LENGTH + " characters");
            }
            return new ChannelMarks(configuredKey.getBytes(StandardCharsets.UTF_8));
        }
        if (settings.isLocal()) {
            byte[] signingKey = LocalSigningKey.privateKey(settings.local().keyFile()).getEncoded();
            return new ChannelMarks(sha256("ledgerline-channel-key\n".getBytes(StandardCharsets.US_ASCII), signingKey));
        }
        return new ChannelMarks(null);
    }

    /** False in jwt mode without a configured key: then no request proves a channel, and none can be marked. */
    public boolean enabled() {
        return key != null;
    }

    /** The proof to send with {@code channel} on a request whose {@code Authorization} header is {@code authorization}. */
    public String proof(String channel, String authorization) {
        if (key == null) {
            throw new IllegalStateException("No channel key: set ledgerline.security.channel-key (docs/security.md)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] proof = mac.doFinal((channel + "\n" + authorization).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(proof);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The channel the request proves it came through, or null when it claims none or cannot prove its claim. */
    public String verifiedChannel(HttpServletRequest request) {
        String channel = request.getHeader(CHANNEL_HEADER);
        String proof = request.getHeader(PROOF_HEADER);
        String authorization = request.getHeader("Authorization");
        if (!MCP.equals(channel) || proof == null || authorization == null || key == null) {
            return null;
        }
        boolean valid = MessageDigest.isEqual(proof(channel, authorization).getBytes(StandardCharsets.US_ASCII),
                proof.getBytes(StandardCharsets.US_ASCII));
        return valid ? channel : null;
    }

    /** True when the request names a channel it cannot prove (worth a warning: someone tried to forge the mark). */
    public boolean claimsUnproven(HttpServletRequest request) {
        return request.getHeader(CHANNEL_HEADER) != null && verifiedChannel(request) == null;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
