package io.ledgerline.infrastructure.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a caller may see of customer data. A caller whose only role is {@code client} acts for one
 * customer, its token's subject: it sees and changes only that customer's orders and payments.
 * Callers with a back-office role (merchant, reporter, auditor, ops) are not limited to one customer.
 */
public final class Callers {

    public static final String CLIENT = "client";
    /** The back office of the shop: registers products, receives and adjusts stock. */
    public static final String MERCHANT = "merchant";
    public static final String REPORTER = "reporter";
    public static final String AUDITOR = "auditor";
    public static final String OPS = "ops";

    private Callers() {
    }

    /** The customer id this caller is limited to, or null when it may see every customer's data. */
    public static String customerScope(Authentication caller) {
        if (caller == null || !caller.isAuthenticated()) {
            return null;
        }
        Set<String> roles = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean backOffice = roles.contains("ROLE_" + MERCHANT) || roles.contains("ROLE_" + REPORTER)
                || roles.contains("ROLE_" + AUDITOR) || roles.contains("ROLE_" + OPS);
        return roles.contains("ROLE_" + CLIENT) && !backOffice ? caller.getName() : null;
    }
}
