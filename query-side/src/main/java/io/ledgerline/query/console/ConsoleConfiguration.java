package io.ledgerline.query.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;

/**
 * Serves the console's static files from {@code classpath:/console/} at {@code /console/}, with a
 * content security policy that lets its pages run only their own scripts and talk only to this
 * app and the ops API.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleSettings.class)
@ConditionalOnProperty(name = "ledgerline.console.enabled", havingValue = "true", matchIfMissing = true)
public class ConsoleConfiguration implements WebMvcConfigurer {

    /** Where the console lives; its files are open, what they show needs a token. */
    public static final String PATH = "/console/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "**").addResourceLocations("classpath:/console/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", PATH);
        registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
    }

    @Bean
    public FilterRegistrationBean<ContentSecurityPolicy> consoleContentSecurityPolicy(ConsoleSettings settings) {
        FilterRegistrationBean<ContentSecurityPolicy> registration =
                new FilterRegistrationBean<>(new ContentSecurityPolicy(settings.opsOrigin()));
        registration.addUrlPatterns("/console", PATH + "*");
        return registration;
    }

    /** No inline script or style, no other origin but the ops API, no framing. */
    static final class ContentSecurityPolicy extends OncePerRequestFilter {

        private final String policy;

        ContentSecurityPolicy(String opsOrigin) {
            this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self' " + opsOrigin + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("Content-Security-Policy", policy);
            response.setHeader("Referrer-Policy", "no-referrer");
            chain.doFilter(request, response);
        }
    }
}
