package io.ledgerline.domain.shared;

import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderOwners;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * A command sent on behalf of one customer carries that customer's id in its metadata under
 * {@link #KEY}. Such a command may only touch that customer's orders and payments; for anyone
 * else's, the aggregate answers as if it did not exist, so ids cannot be probed.
 */
public final class CustomerScope {

    public static final String KEY = "customerScope";

    private CustomerScope() {
    }

    /**
     * Refuses, as "not found", a scoped command that names another customer's order (or an order
     * that does not exist); an unscoped command is not asked about.
     */
    public static void requireOwnOrder(String scope, OrderOwners owners, OrderId orderId) {
        if (scope != null) {
            requireVisible(scope, owners.customerOf(orderId).orElse(null), orderId);
        }
    }

    /** Refuses, as "not found", a scoped command for an aggregate owned by another customer. */
    public static void requireVisible(String scope, Object owner, Object aggregateId) {
        if (scope != null && (owner == null || !scope.equals(owner.toString()))) {
            throw new AggregateNotFoundException(String.valueOf(aggregateId), "Nothing exists with id " + aggregateId);
        }
    }
}
