package io.ledgerline.infrastructure.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint, as each app's security configuration enforces them, for its
 * OpenAPI document: the operation lists them in {@code x-roles}, and its description says so. A
 * class-level annotation applies to every endpoint of the controller that does not name its own.
 * The contract test checks every documented role against the running apps.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowedRoles {

    /** Role names, e.g. {@code merchant}; a caller needs one of them. */
    String[] value();

    /** Said in the description after the roles, e.g. "a client for its own orders only". */
    String note() default "";
}
