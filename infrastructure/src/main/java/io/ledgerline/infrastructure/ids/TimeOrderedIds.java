package io.ledgerline.infrastructure.ids;

import org.axonframework.common.IdentifierFactory;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;

/**
 * New identifiers as version-7 UUIDs (RFC 9562): the first 48 bits are the Unix time in
 * milliseconds, the remaining 74 free bits come from a random generator of the calling thread's
 * own. Axon takes this class for every message and event it creates (it finds it through
 * {@code META-INF/services}); the apps use {@link #next()} for correlation ids and for an
 * aggregate created outside a keyed request (REST requires a key to create orders and payments).
 * <p>
 * Two reasons, both measured (docs/performance.md):
 * <ul>
 *   <li>{@link UUID#randomUUID()} draws from one {@code SecureRandom} that every thread of the JVM
 *       shares, behind a lock. Under load, the command side's request threads queued on that lock
 *       more than on any other. Here each thread has a DRBG of its own (seeded once from the
 *       operating system), so no thread waits for another, and the bits stay unpredictable.</li>
 *   <li>Every event's identifier goes into the event store's unique index. Random identifiers land
 *       on any page of that index, so each append dirties a page of its own and, after every
 *       checkpoint, writes it whole to the WAL. Identifiers made in the same millisecond or so land
 *       next to each other, at the index's right-hand edge.</li>
 * </ul>
 * Identifiers made in one millisecond are not ordered among themselves, and clocks of different
 * machines differ: nothing may read an order of events out of their identifiers (the event store's
 * global index and the aggregate's sequence numbers are the order). The time is visible to anyone
 * who sees an identifier; it is the time the message was made, which the message carries anyway.
 */
public final class TimeOrderedIds extends IdentifierFactory {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(TimeOrderedIds::newGenerator);

    /** For {@link java.util.ServiceLoader}; use {@link #next()} in code. */
    public TimeOrderedIds() {
    }

    @Override
    public String generateIdentifier() {
        return next().toString();
    }

    /** A new identifier, made now. */
    public static UUID next() {
        return at(System.currentTimeMillis(), RANDOM.get());
    }

    /** The identifier for the given Unix time in milliseconds, its free bits drawn from {@code random}. */
    static UUID at(long epochMillis, Random random) {
        if (epochMillis < 0 || epochMillis >>> 48 != 0) {
            throw new IllegalArgumentException("A version-7 UUID holds 48 bits of milliseconds, not " + epochMillis);
        }
        byte[] bits = new byte[10];
        random.nextBytes(bits);
        long randomA = (bits[0] & 0x0fL) << 8 | bits[1] & 0xffL;
        long randomB = 0;
        for (int i = 2; i < 10; i++) {
            randomB = randomB << 8 | bits[i] & 0xffL;
        }
        long high = epochMillis << 16 | VERSION_7 | randomA;
        long low = VARIANT_RFC | randomB >>> 2;
        return new UUID(high, low);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no DRBG SecureRandom", e);
        }
    }
}
