package io.ledgerline.projections.runtime;

import io.ledgerline.infrastructure.notification.Channels;
import io.ledgerline.infrastructure.notification.NotificationSender;
import io.ledgerline.infrastructure.notification.ReadModelNotice;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The projections' token store, announcing on {@link Channels#READ_MODELS} whenever a stored token
 * commits: the read-model rows written in the same transaction are then visible, and the query
 * side's read-your-writes waits can look at once. It also counts the segments this instance has
 * claimed ({@link #claims()}), so that what it knows of a segment's dead letters can be dropped when
 * a segment comes to it from another instance ({@link CachedDeadLetters}).
 */
final class AnnouncingTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final NotificationSender sender;
    private final AtomicLong claims = new AtomicLong();

    AnnouncingTokenStore(TokenStore delegate, NotificationSender sender) {
        this.delegate = delegate;
        this.sender = sender;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        delegate.storeToken(token, processorName, segment);
        sender.announceAfterCommit(Channels.READ_MODELS, ReadModelNotice.tokensTopic(ReadModel.modelOf(processorName)),
                null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
        claims.incrementAndGet();
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
        claims.incrementAndGet();
    }

    /**
     * How many times this instance has claimed a segment or laid segments out so far. A processor's
     * coordinator fetches a token only to claim a segment it does not hold; afterwards its work
     * packages extend the claim.
     */
    long claims() {
        return claims.get();
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        TrackingToken token = delegate.fetchToken(processorName, segment);
        claims.incrementAndGet();
        return token;
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        TrackingToken token = delegate.fetchToken(processorName, segment);
        claims.incrementAndGet();
        return token;
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment)
            throws UnableToClaimTokenException {
        delegate.initializeSegment(token, processorName, segment);
        claims.incrementAndGet();
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
