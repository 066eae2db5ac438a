package io.ledgerline.infrastructure.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Web settings every app shares: correlation ids, the request body limit, JSON that means exactly
 * what it says, and problem details for every error, also those the container answers itself.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProblemErrorController.class)
public class WebConfiguration {

    @Bean
    public FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${ledgerline.web.max-request-size:256KB}") DataSize maxRequestSize) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(maxRequestSize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Request bodies are read strictly: nothing may follow the document, a key may appear once, and
     * a value must have the JSON type its field has ({@code "1"} is not a quantity, {@code 1} not a
     * name). Money amounts stay the exception: they may be sent as decimal strings ({@code "19.99"}).
     */
    @Bean
    public JsonMapperBuilderCustomizer strictRequestJson() {
        return builder -> {
            builder.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
            refuseCoercion(builder);
        };
    }

    private static void refuseCoercion(JsonMapper.Builder builder) {
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Boolean}) {
            builder.withCoercionConfig(type, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            builder.withCoercionConfig(type, config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
        }
        builder.withCoercionConfig(LogicalType.Integer, config -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            builder.withCoercionConfig(LogicalType.Textual, config -> config.setCoercion(shape, CoercionAction.Fail));
        }
    }

    @Bean
    public ProblemErrorReports problemErrorReports() {
        return new ProblemErrorReports();
    }

    /** Puts {@link ProblemErrorReportValve} in the place of Tomcat's HTML error report. */
    static final class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            // after Spring Boot's own customizer, which adds a plain ErrorReportValve
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
