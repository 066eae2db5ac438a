package io.ledgerline.infrastructure.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Trace propagation through messages (the OpenAPI documents are {@link io.ledgerline.infrastructure.openapi.OpenApiConfiguration}'s). */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /** Tracing is on by default (Micrometer Tracing with OpenTelemetry); without it, trace context is simply absent. */
    @Bean
    public TraceContext traceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContext(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
