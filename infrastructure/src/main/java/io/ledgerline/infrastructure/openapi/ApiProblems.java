package io.ledgerline.infrastructure.openapi;

import io.ledgerline.infrastructure.web.ProblemType;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an endpoint answers beyond those that follow from its signature and its app (a
 * bearer token, a JSON body, {@code If-Match}, idempotency keys, consistency waits, and the
 * malformed-request and internal-error answers every endpoint may give). Each becomes a response
 * of its status with the problem-details schema and an example per type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiProblems {

    /** The standard problem types this endpoint may answer with. */
    ProblemType[] value() default {};

    /** Problem types of its own, most of them business rules. */
    Code[] codes() default {};

    /** A problem type outside {@link ProblemType}, such as a business rule: {@code urn:ledgerline:problem:<code>}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Code {

        /** The code after the prefix, e.g. {@code insufficient-stock}. */
        String code();

        /** When it happens, for the response's description. */
        String meaning();

        /** A realistic {@code detail}, for the example. */
        String detail();

        int status() default 409;

        String title() default BUSINESS_RULE;
    }

    /** The title every business-rule rejection carries. */
    String BUSINESS_RULE = "Rejected by a business rule";
}
