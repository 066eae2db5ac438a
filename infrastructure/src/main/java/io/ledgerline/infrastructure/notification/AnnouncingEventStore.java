package io.ledgerline.infrastructure.notification;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/** Axon's embedded event store, announcing on {@link Channels#EVENTS} once an append has committed. */
public class AnnouncingEventStore extends EmbeddedEventStore {

    private final NotificationSender sender;

    public AnnouncingEventStore(Builder builder, NotificationSender sender) {
        super(builder);
        this.sender = sender;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        sender.announce(Channels.EVENTS);
    }
}
