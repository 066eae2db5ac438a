package io.ledgerline.infrastructure.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.web.filter.CorsFilter;

import java.time.Clock;

/**
 * Every app is an OAuth2 resource server: requests carry a signed JWT whose issuer, audience and
 * lifetime are checked; unsigned tokens ({@code alg: none}) never verify. Roles come from a
 * configurable claim. Each app states which role may call which of its paths; health and info
 * stay open, everything else needs a valid token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

    /** How many verified tokens each app remembers until they expire (docs/security.md). */
    private static final long VERIFIED_TOKENS = 10_000;

    @Bean
    public JwtDecoder jwtDecoder(SecuritySettings settings) {
        NimbusJwtDecoder decoder = settings.isLocal()
                ? NimbusJwtDecoder.withPublicKey(LocalSigningKey.publicKey(settings.local().keyFile()))
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()), audience(settings.audience()), expiry()));
        return new VerifiedTokens(decoder, VERIFIED_TOKENS, Clock.systemUTC());
    }

    /** Spring Security's strict firewall, its rules unchanged, cheap for printable ASCII ({@link RequestFirewall}). */
    @Bean
    public HttpFirewall httpFirewall() {
        return RequestFirewall.strict();
    }

    /**
     * No observation per security filter, authentication and authorization: they cost more than
     * the request's own work and duplicate what the request's observation ({@code http.server.requests},
     * its span) and the 401/403 answers already tell (docs/observability.md).
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The key that proves a request came through the MCP server ({@link ChannelMarks}). */
    @Bean
    public ChannelMarks channelMarks(SecuritySettings settings,
                                     @Value("${ledgerline.security.channel-key:}") String channelKey) {
        return ChannelMarks.of(settings, channelKey);
    }

    @Bean
    public JwtAuthenticationConverter jwtAuthenticationConverter(SecuritySettings settings) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(settings.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    @ConditionalOnProperty(name = "ledgerline.security.mode", havingValue = "local", matchIfMissing = true)
    public TokenIssuer localTokenIssuer(SecuritySettings settings) {
        return TokenIssuer.local(settings);
    }

    @Bean
    @ConditionalOnProperty(name = "ledgerline.security.mode", havingValue = "local", matchIfMissing = true)
    public TokenController localTokenController(SecuritySettings settings, TokenIssuer issuer) {
        return new TokenController(settings, issuer);
    }

    /**
     * Builds an app's filter chain: stateless, bearer tokens, problem-details errors, CORS for the
     * configured origins only; open health, info, local token issuing and (in local mode) API docs;
     * then the app's own {@code rules}.
     */
    public static SecurityFilterChain chain(HttpSecurity http, SecuritySettings settings,
                                            JwtAuthenticationConverter converter,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        CorsFilter crossOrigin = CrossOriginCalls.filter(settings.cors());
        if (crossOrigin != null) {
            // Before authentication: a preflight carries no token, and a refused answer must still name the origin.
            http.addFilter(crossOrigin);
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
                    if (settings.isLocal()) {
                        requests.requestMatchers("/auth/token", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll();
                    }
                    requests.requestMatchers("/error").permitAll();
                    rules.customize(requests);
                    requests.anyRequest().authenticated();
                });
        return http.build();
    }

    /** Spring's timestamp check passes a token that has no {@code exp} at all; such a token would never expire. */
    private static OAuth2TokenValidator<Jwt> expiry() {
        return jwt -> jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The token has no expiry (exp)", null));
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The token is not meant for this audience", null));
    }
}
