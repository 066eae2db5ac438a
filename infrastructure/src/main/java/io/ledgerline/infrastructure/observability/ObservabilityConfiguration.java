package io.ledgerline.infrastructure.observability;

import io.ledgerline.infrastructure.web.ProblemType;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Trace propagation through messages, and each app's OpenAPI description with its security scheme and errors. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /** Tracing is on by default (Micrometer Tracing with OpenTelemetry); without it, trace context is simply absent. */
    @Bean
    public TraceContext traceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContext(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    public OpenAPI openApi(@Value("${spring.application.name}") String application) {
        String problems = Arrays.stream(ProblemType.values())
                .map(type -> "`" + type.uri() + "`")
                .collect(Collectors.joining(", "));
        return new OpenAPI()
                .info(new Info().title(application).version("v1").description("""
                        Part of Ledgerline (docs/api.md). Every error is an RFC 9457 problem detail \
                        (application/problem+json) with a stable type: %s, and business-rule types \
                        urn:ledgerline:problem:<rule>. Send a bearer token (docs/security.md).""".formatted(problems)))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A JWT with a roles claim: client, merchant, reporter, auditor or ops")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
