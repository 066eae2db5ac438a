package io.ledgerline.mcp.config;

import io.ledgerline.infrastructure.observability.ObservabilityConfiguration;
import io.ledgerline.infrastructure.security.SecurityConfiguration;
import io.ledgerline.infrastructure.web.WebConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The infrastructure this app shares with the others: web limits and problem details, security and tracing. */
@Configuration(proxyBeanMethods = false)
@Import({WebConfiguration.class, SecurityConfiguration.class, ObservabilityConfiguration.class})
public class SharedInfrastructure {
}
