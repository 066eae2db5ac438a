package io.ledgerline.infrastructure.observability;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries W3C trace context ({@code traceparent}) in message metadata, so that a trace started by an
 * HTTP command continues in whatever handles the resulting events, in this process or another.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span as propagation headers ({@code traceparent}), or nothing outside a span. */
    public Map<String, String> current() {
        Map<String, String> carrier = new HashMap<>();
        if (tracer.currentTraceContext().context() != null) {
            propagator.inject(tracer.currentTraceContext().context(), carrier, Map::put);
        }
        carrier.keySet().retainAll(List.of(TRACEPARENT, "tracestate"));
        return carrier;
    }

    /**
     * Starts one span for a batch of messages, linked to the trace of each (up to {@code maxLinks}
     * distinct ones): handling a batch is one unit of work that many requests caused, so it links
     * to their traces rather than being a child of one of them.
     */
    public Span batch(String name, Iterable<? extends Map<String, ?>> metadata, int maxLinks) {
        Span.Builder builder = tracer.spanBuilder().name(name);
        java.util.Set<String> linked = new java.util.HashSet<>();
        for (Map<String, ?> entry : metadata) {
            if (linked.size() >= maxLinks) {
                break;
            }
            Object traceparent = entry.get(TRACEPARENT);
            String[] parts = traceparent == null ? new String[0] : traceparent.toString().split("-");
            if (parts.length == 4 && parts[1].length() == 32 && parts[2].length() == 16 && linked.add(parts[1] + parts[2])) {
                builder.addLink(new Link(tracer.traceContextBuilder().traceId(parts[1]).spanId(parts[2])
                        .sampled(parts[3].endsWith("1")).build()));
            }
        }
        return builder.start();
    }

    /** The tracer, to put a span in scope. */
    public Tracer tracer() {
        return tracer;
    }

}
