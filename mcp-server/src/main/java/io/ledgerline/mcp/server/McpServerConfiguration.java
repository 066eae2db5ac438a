package io.ledgerline.mcp.server;

import io.ledgerline.infrastructure.security.ChannelMarks;
import io.ledgerline.infrastructure.web.CorrelationIdFilter;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MCP server on {@code /mcp}: the SDK's stateless streamable-HTTP transport as a servlet (behind
 * the security filter like every path), the tools of every {@link ToolSet}, and the guides as resources.
 * Stateless: no MCP session is kept, so any instance serves any request, and each request carries its
 * own bearer token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpSettings.class)
public class McpServerConfiguration {

    static final String ENDPOINT = "/mcp";

    private static final String INSTRUCTIONS = """
            Ledgerline processes orders, payments and inventory. Every tool acts with your bearer token's \
            roles, exactly as the REST APIs do: a client sees and acts only for its own customer, a reporter \
            reads orders, payments, stock and reports, an auditor reads the event history, ops reads the \
            read-side status. A refused call is an error result whose structured content is an RFC 9457 \
            problem; branch on its "type" (urn:ledgerline:problem:...), not on its text. Reads may lag a \
            write by a moment; pass the version a command answered as minVersion to read your own write. \
            The resources ledgerline://docs/api and ledgerline://docs/problems explain the rules in full.""";

    private final JsonMapper json = JsonMapper.builder().build();

    @Bean
    public LedgerlineApis ledgerlineApis(McpSettings settings, ChannelMarks channels) {
        if (!channels.enabled()) {
            throw new IllegalStateException("The MCP server needs ledgerline.security.channel-key in jwt mode, so "
                    + "that the command side can tell its commands came through MCP (docs/security.md)");
        }
        return new LedgerlineApis(settings, channels);
    }

    @Bean
    public ToolResults toolResults() {
        return new ToolResults(json);
    }

    @Bean
    public HttpServletStatelessServerTransport mcpTransport(McpSettings settings,
            @Value("${ledgerline.web.max-request-size:256KB}") DataSize maxRequestSize) {
        return HttpServletStatelessServerTransport.builder()
                .jsonMapper(mcpJson())
                .messageEndpoint(ENDPOINT)
                .maxRequestSize((int) maxRequestSize.toBytes())
                .httpHeaderValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedOrigins(settings.allowedOrigins()).build())
                .contextExtractor(request -> {
                    Map<String, Object> context = new HashMap<>();
                    context.put(Caller.AUTHORIZATION, request.getHeader("Authorization"));
                    context.put(Caller.REQUEST_ID, request.getAttribute(CorrelationIdFilter.ATTRIBUTE));
                    return McpTransportContext.create(context);
                })
                .build();
    }

    @Bean
    public ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(
            HttpServletStatelessServerTransport transport) {
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration =
                new ServletRegistrationBean<>(transport, ENDPOINT);
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean(destroyMethod = "close")
    public McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, List<ToolSet> toolSets,
                                            LedgerlineApis apis, ToolResults results, GuideResources guides,
                                            ObjectProvider<BuildProperties> build) {
        JsonSchemaValidator validator = new DefaultJsonSchemaValidator(json);
        ToolCalls calls = new ToolCalls(results, validator);
        List<McpStatelessServerFeatures.SyncToolSpecification> tools = toolSets.stream()
                .flatMap(set -> set.tools(apis).stream())
                .map(tool -> calls.specification(tool, mcpJson()))
                .toList();
        BuildProperties info = build.getIfAvailable();
        return McpServer.sync(transport)
                .serverInfo("ledgerline", info == null ? "development" : info.getVersion())
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .jsonMapper(mcpJson())
                .jsonSchemaValidator(validator)
                // Arguments are checked by ToolCalls, which answers with Ledgerline's problem type.
                .validateToolInputs(false)
                // The servlet transport blocks its request thread anyway: run the tool there rather than
                // on Reactor's shared threads, which would outlive the app in the local run's JVM.
                .immediateExecution(true)
                .tools(tools)
                .resources(guides.specifications())
                .build();
    }

    @Bean
    public GuideResources guideResources() {
        return new GuideResources();
    }

    private McpJsonMapper mcpJson() {
        return new TransportErrors(new JacksonMcpJsonMapper(json));
    }
}
